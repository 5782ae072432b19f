using System.Collections.Immutable;
using HyperTune.Analyzers.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// Builds sources the way the compiler does: the generator first, then <see cref="ConfigAnalyzer"/>
/// over the compilation that holds the generated code. Returns the generator's diagnostics and the
/// analyzer's (after <c>#pragma</c> and configured severities apply). Fails if the analyzer throws.
/// </summary>
internal static class ConfigAnalyzerRunner
{
    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Analyzer) Run(params string[] sources) =>
        Run(TestCompilation.Create(sources));

    public static (ImmutableArray<Diagnostic> Generator, ImmutableArray<Diagnostic> Analyzer) Run(CSharpCompilation compilation)
    {
        CSharpGeneratorDriver.Create(new[] { new ConfigGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analyzer = output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConfigAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Assert.True(exceptions.IsEmpty, "ConfigAnalyzer threw: " + string.Join("\n", exceptions));
        return (generatorDiagnostics, analyzer.Sort(static (a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start)));
    }
}
