using System.Collections.Immutable;
using HyperTune.Analyzers.Dimensions;
using HyperTune.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Tests.Options;

/// <summary>
/// <c>dotnet_diagnostic.HTxxxx.severity</c> in an <c>.editorconfig</c>, applied the way the
/// command-line compiler applies it: an <see cref="AnalyzerConfigSet"/> turned into the
/// compilation's <see cref="SyntaxTreeOptionsProvider"/>.
/// </summary>
public class SeverityConfigurationTests
{
    private const string Source = """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(64, 1024)]
            public int BatchSize { get; set; }
        }
        """;

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning)]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public async Task The_configured_severity_is_the_reported_one(string? severity, DiagnosticSeverity expected)
    {
        var diagnostic = Assert.Single(await AnalyzeAsync(severity));
        Assert.Equal("HT0001", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Severity);
    }

    [Fact]
    public async Task Severity_none_removes_the_diagnostic() => Assert.Empty(await AnalyzeAsync("none"));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string? severity)
    {
        const string path = "/src/Config.cs";
        var editorConfig = "root = true\n\n[*.cs]\n" + (severity is null ? string.Empty : "dotnet_diagnostic.HT0001.severity = " + severity + "\n");
        var configSet = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/.editorconfig") });
        var tree = CSharpSyntaxTree.ParseText(Source, path: path);
        var treeOptions = configSet.GetOptionsForSourcePath(path).TreeOptions;

        var compilation = CSharpCompilation.Create(
            "Severity",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSyntaxTreeOptionsProvider(new TreeOptions(tree, treeOptions)));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new BatchSizeAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>The compiler's provider is internal; this one serves one tree's severities the same way.</summary>
    private sealed class TreeOptions(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> severities) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree syntaxTree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree syntaxTree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return syntaxTree == tree && severities.TryGetValue(diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }
}
