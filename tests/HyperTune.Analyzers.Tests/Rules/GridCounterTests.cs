using HyperTune.Analyzers.Grid;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>The grid count HT0007 compares with the limit, computed as the generated <c>CountGrid</c> does.</summary>
public class GridCounterTests
{
    [Theory]
    [InlineData("[LearningRate(0.1, 0.0001, Scale.Log)] public double A { get; set; }", 5, 5)]
    [InlineData("[BatchSize(32, 64, 128)] public int A { get; set; }", 5, 3)]
    [InlineData("[HiddenLayers(1, 3)] public int A { get; set; }", 5, 3)]
    [InlineData("[HiddenLayers(1, 3)] public int A { get; set; }", 2, 2)]
    [InlineData("[HiddenUnits(16, 512, Scale.Log)] public int A { get; set; }", 7, 7)]
    [InlineData("[Range(1, 4)] public int A { get; set; }", 10, 4)]
    // 1, 1.57, 2.45, 3.83, 6 round to 1, 2, 2, 4, 6: the runtime drops the duplicate (pinned beside the
    // generated CountGrid in HyperTune.Tests' GridCountAgreementTests).
    [InlineData("[HiddenUnits(1, 6, Scale.Log)] public int A { get; set; }", 5, 4)]
    [InlineData("[Range(1, 6, Scale.Log)] public long A { get; set; }", 5, 4)]
    [InlineData("[Range(1, 4)] public double A { get; set; }", 10, 10)]
    [InlineData("[Epochs(100)] public int A { get; set; }", 5, 1)]
    [InlineData("[Choice(\"relu\", \"tanh\")] public string A { get; set; } = \"\"; [Dropout(0.0, 0.5)] public double B { get; set; }", 3, 6)]
    public void Counts_each_kind_of_dimension(string members, int pointsPerRange, long expected) =>
        Assert.Equal(expected, Count(members, pointsPerRange));

    [Fact]
    public void Conditional_dimensions_add_points_only_under_their_parents_values()
    {
        // Sgd: 1, Momentum: 5 momenta, Adam: 5 betas x 5 epsilons = 31 optimiser branches; times 5 rates.
        const string members = """
            [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
            [Momentum(0.5, 0.99)] [ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; }
            [Range(0.9, 0.999)] [ActiveWhen(nameof(Optimizer), OptimizerKind.Adam)] public double Beta2 { get; set; }
            [Range(1e-8, 1e-6, Scale.Log)] [ActiveWhen(nameof(Optimizer), OptimizerKind.Adam)] public double Epsilon { get; set; }
            [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; }
            """;
        Assert.Equal(5 * (1 + 5 + (5 * 5)), Count(members, 5));
    }

    [Fact]
    public void Nested_conditions_multiply_within_their_branch()
    {
        // A = x: B's 2 values, under B = 1 also C's 3 points (1 + 3 = 4 for B); A = y: 1. Total 4 + 1 = 5.
        const string members = """
            [Choice("x", "y")] public string A { get; set; } = "";
            [Choice(1, 2)] [ActiveWhen(nameof(A), "x")] public int B { get; set; }
            [Range(0.0, 1.0)] [ActiveWhen(nameof(B), 1)] public double C { get; set; }
            """;
        Assert.Equal(5, Count(members, 3));
    }

    [Fact]
    public void A_condition_on_an_unknown_dimension_counts_as_unconditional()
    {
        const string members = """
            [Range(0.0, 1.0)] [ActiveWhen("Missing", 1)] public double C { get; set; }
            [BatchSize(32, 64)] public int BatchSize { get; set; }
            """;
        Assert.Equal(10, Count(members, 5));
    }

    [Fact]
    public void A_count_past_long_MaxValue_saturates()
    {
        var members = string.Concat(Enumerable.Range(0, 30).Select(i => $"[Range(0.0, 1.0)] public double P{i} {{ get; set; }}\n"));
        Assert.Equal(long.MaxValue, Count(members, 1000));
    }

    private static long Count(string members, int pointsPerRange)
    {
        var source = "using HyperTune;\npublic partial class Config\n{\n" + members + "\n}\n";
        var compilation = CSharpCompilation.Create(
            "GridCounterTests",
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var symbols = KnownSymbols.TryCreate(compilation)!;
        return GridCounter.Count(compilation.GetTypeByMetadataName("Config")!, symbols, pointsPerRange, CancellationToken.None);
    }
}
