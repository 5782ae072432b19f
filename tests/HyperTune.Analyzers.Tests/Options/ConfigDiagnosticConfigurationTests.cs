using System.Collections.Immutable;
using HyperTune.Analyzers.Configs;
using HyperTune.Analyzers.Tests.Verifiers;
using HyperTune.SourceGenerators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Configs.ConfigAnalyzer>;

namespace HyperTune.Analyzers.Tests.Options;

/// <summary>
/// The rules of the generator's parser (HT0008, HT0010-HT0019, HT0040) are configured and
/// suppressed like any analyzer's, as the docs promise: they are reported by ConfigAnalyzer at
/// source locations. (From the generator, at locations rebuilt from a path and a span, none of
/// this applied.)
/// </summary>
public class ConfigDiagnosticConfigurationTests
{
    private const string NotPartial = """
        using HyperTune;
        public class {|#0:Config|}
        {
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """;

    private const string BadCandidates = """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64, {|#0:32|})] public int BatchSize { get; set; }
        }
        """;

    // A policy without [Epochs] trains now (issue 10: at most 1000 epochs), so HT0040 comes from a
    // member that takes the generated Train's name.
    private const string NoTrain = """
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
            public void {|#0:Train|}() { }
        }
        """;

    public static TheoryData<string, string, string> Rules() => new()
    {
        { "HT0008", NotPartial, "warning" },
        { "HT0014", BadCandidates, "suggestion" },
        { "HT0040", NoTrain, "warning" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public Task Editorconfig_sets_the_reported_severity(string id, string source, string severity) => Verify.VerifyAsync(
        source,
        $"dotnet_diagnostic.{id}.severity = {severity}",
        new DiagnosticResult(id, severity == "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info).WithLocation(0));

    [Theory]
    [MemberData(nameof(Rules))]
    public Task Editorconfig_severity_none_silences_the_rule(string id, string source, string _) =>
        Verify.VerifyAsync(source.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal), $"dotnet_diagnostic.{id}.severity = none");

    [Fact]
    public Task Pragma_warning_disable_suppresses_HT0008() => Verify.VerifyAsync("""
        using HyperTune;
        #pragma warning disable HT0008 // The partial declaration is added by a tool.
        public class Config
        #pragma warning restore HT0008
        {
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """);

    [Fact]
    public Task Pragma_warning_disable_suppresses_HT0014_only_where_it_is_disabled()
    {
        var test = new AnalyzerVerifier<ConfigAnalyzer>.Test
        {
            TestCode = """
                using HyperTune;
                public partial class Config
                {
                #pragma warning disable HT0014
                    [BatchSize(32, 64, 32)] public int BatchSize { get; set; }
                #pragma warning restore HT0014
                    [Choice(1, 2, {|#0:1|})] public int Mode { get; set; }
                }
                """,

            // The library's own check wraps the file in '#pragma warning disable'; the restore above undoes it.
            TestBehaviors = TestBehaviors.SkipSuppressionCheck,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("HT0014", DiagnosticSeverity.Error).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task SuppressMessage_on_the_type_suppresses_HT0040() => Verify.VerifyAsync("""
        using HyperTune;
        [System.Diagnostics.CodeAnalysis.SuppressMessage("HyperTune.SearchSpace", "HT0040", Justification = "Trains in its own loop.")]
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(10)] public int Epochs { get; set; }
            public void Train() { }
        }
        """);

    /// <summary>
    /// The whole build as the command-line compiler runs it: the generator, then the analyzers,
    /// with the .editorconfig severities applied through the compilation's tree options.
    /// </summary>
    [Theory]
    [InlineData(null, DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("none", null)]
    public async Task A_build_reports_HT0012_from_the_analyzer_at_the_configured_severity_and_nothing_from_the_generator(string? severity, DiagnosticSeverity? expected)
    {
        const string path = "/src/Config.cs";
        const string source = """
            using HyperTune;
            public partial class Config
            {
                [Range(0.0, double.NaN)] public double X { get; set; }
            }
            """;
        var editorConfig = "root = true\n\n[*.cs]\n" + (severity is null ? string.Empty : "dotnet_diagnostic.HT0012.severity = " + severity + "\n");
        var configSet = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/.editorconfig") });
        var tree = CSharpSyntaxTree.ParseText(source, path: path);
        var compilation = CSharpCompilation.Create(
            "Build",
            new[] { tree },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSyntaxTreeOptionsProvider(new TreeOptions(tree, configSet.GetOptionsForSourcePath(path).TreeOptions)));

        CSharpGeneratorDriver.Create(new ConfigGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);

        var diagnostics = (await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigAnalyzer())).GetAllDiagnosticsAsync())
            .Where(static d => d.Id.StartsWith("HT", StringComparison.Ordinal))
            .ToList();
        if (expected is null)
        {
            Assert.Empty(diagnostics);
            return;
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("HT0012", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Severity);
        Assert.Same(tree, diagnostic.Location.SourceTree);
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
