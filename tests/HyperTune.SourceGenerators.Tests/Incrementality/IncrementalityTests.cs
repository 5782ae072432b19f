using System.Collections;
using System.Reflection;
using HyperTune.SourceGenerators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators.Tests.Incrementality;

/// <summary>
/// The pipeline caches: an unrelated edit re-runs nothing, an edit to one config re-emits only that
/// config, and no step holds a symbol, compilation, syntax node or location.
/// </summary>
public class IncrementalityTests
{
    private const string ConfigA = """
        using HyperTune;
        namespace App;
        public partial class ConfigA
        {
            [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; }
            [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum)] public OptimizerKind Optimizer { get; set; }
            [Momentum(0.5, 0.99), ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; }
        }
        """;

    private const string ConfigB = """
        using HyperTune;
        namespace App;
        public partial record ConfigB
        {
            [BatchSize(32, 64)] public int BatchSize { get; init; } = 32;
            [Epochs(10)] public int Epochs { get; init; }
        }
        """;

    private const string Broken = """
        using HyperTune;
        namespace App;
        public class Broken
        {
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """;

    private const string Unrelated = """
        namespace App;
        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    private static readonly string[] s_trackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
        .Where(static f => f.IsLiteral)
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = RunOnce(ConfigA, ConfigB, Broken, Unrelated);
        var edited = Replace(compilation, "Source3.cs", Unrelated.Replace("2 * x", "x + x", StringComparison.Ordinal));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = result.TrackedSteps.Where(static s => s_trackingNames.Contains(s.Key)).ToList();
        Assert.Equal(s_trackingNames.Order(), steps.Select(static s => s.Key).Order());
        foreach (var (name, runs) in steps)
        {
            foreach (var run in runs)
            {
                Assert.All(run.Outputs, output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step {name} ran with reason {output.Reason}"));
            }
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs), static output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"An output re-ran: {output.Reason}"));
    }

    [Fact]
    public void Editing_one_config_re_emits_only_that_config()
    {
        var (driver, compilation) = RunOnce(ConfigA, ConfigB, Unrelated);
        var edited = Replace(compilation, "Source1.cs", ConfigB.Replace("[BatchSize(32, 64)]", "[BatchSize(32, 64, 128)]", StringComparison.Ordinal));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var specs = result.TrackedSteps[TrackingNames.SearchSpaceSpecs].SelectMany(static r => r.Outputs).ToList();
        var rerun = specs.Where(static o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).ToList();
        var spec = Assert.Single(rerun);
        Assert.Contains("ConfigB", spec.Value.ToString(), StringComparison.Ordinal);

        var emitted = result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static r => r.Outputs)
            .Count(static o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.Equal(1, emitted);
        Assert.Contains("128", result.GeneratedSources.Single(static s => s.HintName == "App.ConfigB.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_holds_a_symbol_compilation_syntax_node_or_location()
    {
        var (driver, _) = RunOnce(ConfigA, ConfigB, Broken, Unrelated);
        var result = driver.GetRunResult().Results.Single();
        foreach (var name in s_trackingNames)
        {
            foreach (var run in result.TrackedSteps[name])
            {
                foreach (var (value, _) in run.Outputs)
                {
                    AssertNoBannedTypes(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void AssertNoBannedTypes(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or Compilation or SemanticModel or SyntaxNode or SyntaxTree or Location or Diagnostic,
            $"Step {step} holds a {value.GetType().FullName}");

        if (value is DiagnosticDescriptor)
        {
            return; // Equatable, and holds only strings.
        }

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoBannedTypes(item, step, visited);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoBannedTypes(field.GetValue(value), step, visited);
            }
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ConfigGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path));
    }
}
