using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using HyperTune.SourceGenerators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.Benchmarks.Generator;

/// <summary>
/// The search-space generator's cost on a compilation with 200 config types (each in its own file,
/// DigitsConfig-sized: 12 dimensions, one conditional) plus one unrelated file: a full run from a
/// new driver, and a run of a warm driver after an edit to the unrelated file — what the IDE pays
/// per keystroke elsewhere in the project.
/// </summary>
[MemoryDiagnoser]
public class ConfigGeneratorBenchmarks
{
    private const int ConfigCount = 200;
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _floorDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = Enumerable.Range(0, ConfigCount)
            .Select(static i => CSharpSyntaxTree.ParseText(ConfigSource(i), s_parseOptions, $"Config{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(Unrelated("2 * x"), s_parseOptions, "Unrelated.cs"));
        var references = Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Scale).Assembly.Location));
        _compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var unrelated = _compilation.SyntaxTrees.Single(static t => t.FilePath == "Unrelated.cs");
        _edited = _compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(Unrelated("x + x"), s_parseOptions, "Unrelated.cs"));

        _warmDriver = NewDriver().RunGenerators(_compilation);
        _floorDriver = CSharpGeneratorDriver.Create(new[] { new AttributeDiscoveryFloorGenerator().AsSourceGenerator() }, parseOptions: s_parseOptions)
            .RunGenerators(_compilation);
        int generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != ConfigCount)
        {
            throw new InvalidOperationException($"Expected {ConfigCount} generated files, got {generated}.");
        }
    }

    /// <summary>A new driver on a compilation whose semantic state is fresh: every config is bound, parsed into a model and emitted.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation.Clone());

    /// <summary>The warm driver after an edit to an unrelated file: every step should be cached.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit() => _warmDriver.RunGenerators(_edited.Clone());

    /// <summary>
    /// The same edit on a compilation whose attributes are already bound: what the generator itself
    /// costs per edit, apart from Roslyn re-binding the attributes of a new compilation.
    /// </summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEditBoundCompilation() => _warmDriver.RunGenerators(_edited);

    /// <summary>The same edit with a generator that only discovers the attributes: Roslyn's floor.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEditDiscoveryFloor() => _floorDriver.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        new[] { new ConfigGenerator().AsSourceGenerator() },
        parseOptions: s_parseOptions);

    private static string Unrelated(string body) => $$"""
        namespace Bench;
        public static class Helpers
        {
            public static int Twice(int x) => {{body}};
        }
        """;

    private static string ConfigSource(int i) => $$"""
        using HyperTune;

        namespace Bench.Configs{{i % 10}};

        public partial class Config{{i}}
        {
            [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; }
            [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; }
            [Epochs({{10 + i}})] public int Epochs { get; set; }
            [HiddenLayers(1, 3)] public int HiddenLayers { get; set; }
            [HiddenUnits(16, 512, Scale.Log)] public int HiddenUnits { get; set; }
            [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
            [Momentum(0.5, 0.99), ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; }
            [WeightDecay(1e-6, 1e-2, Scale.Log)] public float WeightDecay { get; set; }
            [Dropout(0.0, 0.5)] public double Dropout { get; set; }
            [Range(0.5, 0.999)] public double Beta1 { get; set; }
            [Range(1, {{1000 + i}})] public int Seed { get; set; }
            [Choice("relu", "tanh")] public string Activation { get; set; } = "relu";
            [Choice(true, false)] public bool Shuffle { get; set; }
            public string Name { get; set; } = "config{{i}}";
        }
        """;
}
