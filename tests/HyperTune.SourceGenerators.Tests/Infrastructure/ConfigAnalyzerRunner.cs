using System.Collections.Immutable;
using HyperTune.Analyzers.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// Builds sources the way the compiler does: the generator first, then <see cref="ConfigAnalyzer"/>
/// over the compilation that holds the generated code. Returns the generator's diagnostics and the
/// analyzer's (after <c>#pragma</c> and configured severities apply).
/// </summary>
internal static class ConfigAnalyzerRunner
{
    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Analyzer) Run(params string[] sources) =>
        Run(TestCompilation.Create(sources));

    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Analyzer) Run(CSharpCompilation compilation)
    {
        CSharpGeneratorDriver.Create(new[] { new ConfigGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzer = output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigAnalyzer()))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        return (generatorDiagnostics, analyzer.Sort(static (a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start)));
    }
}
