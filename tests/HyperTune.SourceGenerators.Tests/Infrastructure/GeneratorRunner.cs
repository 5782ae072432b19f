using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>Runs the generator on sources and returns what it produced, and what the compiler thinks of the result.</summary>
internal static class GeneratorRunner
{
    public static GeneratorResult Run(params string[] sources) => Run(NullableContextOptions.Enable, sources);

    public static GeneratorResult Run(NullableContextOptions nullable, params string[] sources)
    {
        var compilation = TestCompilation.Create(nullable, sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ConfigGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        Assert.True(run.Exception is null, $"The generator threw: {run.Exception}");
        return new GeneratorResult(
            run.GeneratedSources.ToDictionary(static s => s.HintName, static s => s.SourceText.ToString()),
            generatorDiagnostics,
            output.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("HT", StringComparison.Ordinal)).ToImmutableArray());
    }
}

/// <summary>The generated sources by hint name, the generator's diagnostics, and the compiler's warnings and errors afterwards.</summary>
internal sealed record GeneratorResult(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilerDiagnostics);
