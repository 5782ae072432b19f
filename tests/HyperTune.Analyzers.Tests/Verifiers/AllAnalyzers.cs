using System.Collections.Immutable;
using System.Reflection;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.SourceGenerators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HyperTune.Analyzers.Tests.Verifiers;

/// <summary>
/// Builds a source the way the compiler does, with every HyperTune component: the generator, then
/// every shipped analyzer over the compilation that holds the generated code. For the rules that
/// span analyzers: one diagnostic per problem, and no code fix that raises another.
/// </summary>
internal static class AllAnalyzers
{
    /// <summary>Every shipped analyzer of HyperTune.Analyzers.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Instances { get; } = typeof(HyperTuneAnalyzer).Assembly.GetTypes()
        .Where(static t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(static t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The HyperTune diagnostics of a source (markup removed), from the generator and every analyzer, in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string markedSource, string? editorConfig = null)
    {
        TestFileMarkupParser.GetSpans(markedSource, out string source, out ImmutableDictionary<string, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> _);
        const string path = "/0/Test0.cs";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create("Test", new[] { tree }, TestReferences.All, options);

        CSharpGeneratorDriver.Create(new ConfigGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptions(editorConfig));
        var analyzers = await output.WithAnalyzers(Instances, analyzerOptions).GetAnalyzerDiagnosticsAsync();
        return generatorDiagnostics.Concat(analyzers)
            .Where(static d => d.Id.StartsWith("HT", StringComparison.Ordinal))
            .OrderBy(static d => d.Location.SourceSpan.Start)
            .ThenBy(static d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Keys of the form <c>key = value</c>, one per line, served for every file and globally.</summary>
    private sealed class EditorConfigOptions(string? text) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(text);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(string? text) : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values = (text ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(static line => line.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(static parts => parts.Length == 2)
                .ToDictionary(static parts => parts[0], static parts => parts[1], KeyComparer);

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
