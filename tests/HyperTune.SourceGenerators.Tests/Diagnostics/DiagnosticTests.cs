using HyperTune.SourceGenerators.Tests.Infrastructure;

namespace HyperTune.SourceGenerators.Tests.Diagnostics;

/// <summary>Every diagnostic the generator owns fires at the offending code, and only there.</summary>
public class DiagnosticTests
{
    [Fact]
    public void HT0008_non_partial_config()
    {
        var diagnostic = DiagnosticAssert.Fires("HT0008", """
            using HyperTune;
            public class [|Config|]
            {
                [Range(0.0, 1.0)] public double X { get; set; }
            }
            """);
        Assert.Equal("'Config' must be partial: HyperTune generates its search space into it", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void HT0008_non_partial_containing_type()
    {
        var diagnostic = DiagnosticAssert.Fires("HT0008", """
            using HyperTune;
            public static class [|Outer|]
            {
                public partial class Config
                {
                    [Range(0.0, 1.0)] public double X { get; set; }
                }
            }
            """);
        Assert.Contains("it contains the config type 'Config'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void HT0010_unknown_dimension() => DiagnosticAssert.Fires("HT0010", """
        using HyperTune;
        public partial class Config
        {
            [Range(0.0, 1.0), ActiveWhen([|"Nope"|], 1)] public double X { get; set; }
        }
        """);

    [Fact]
    public void HT0010_parent_is_not_categorical() => DiagnosticAssert.Fires("HT0010", """
        using HyperTune;
        public partial class Config
        {
            [Range(0.0, 1.0)] public double A { get; set; }
            [Range(0.0, 1.0), ActiveWhen([|nameof(A)|], 0.5)] public double B { get; set; }
        }
        """);

    [Fact]
    public void HT0010_value_is_not_a_candidate()
    {
        var diagnostic = DiagnosticAssert.Fires("HT0010", """
            using HyperTune;
            public partial class Config
            {
                [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
                [Momentum(0.5, 0.99), ActiveWhen(nameof(Optimizer), [|OptimizerKind.Momentum|])] public double Momentum { get; set; }
            }
            """);
        Assert.Contains("OptimizerKind.Momentum is not one of the candidates of 'Optimizer' (Sgd, Adam)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void HT0010_parent_is_itself_conditional() => DiagnosticAssert.Fires("HT0010", """
        using HyperTune;
        public partial class Config
        {
            [Choice(1, 2)] public int A { get; set; } = 1;
            [Choice(3, 4), ActiveWhen(nameof(A), 2)] public int B { get; set; } = 3;
            [Range(0.0, 1.0), ActiveWhen([|nameof(B)|], 4)] public double C { get; set; }
        }
        """);

    [Fact]
    public void HT0010_on_a_property_that_is_not_a_dimension() => DiagnosticAssert.Fires("HT0010", """
        using HyperTune;
        public partial class Config
        {
            [Choice(1, 2)] public int A { get; set; } = 1;
            [[|ActiveWhen(nameof(A), 2)|]] public double NotTuned { get; set; }
        }
        """);

    [Fact]
    public void HT0011_range_attribute_on_the_wrong_type() => DiagnosticAssert.Fires("HT0011", """
        using HyperTune;
        public partial class Config
        {
            [[|LearningRate(0.1, 0.001)|]] public int LearningRate { get; set; }
        }
        """);

    [Fact]
    public void HT0011_candidate_of_the_wrong_type()
    {
        var diagnostic = DiagnosticAssert.Fires("HT0011", """
            using HyperTune;
            public partial class Config
            {
                [Choice(1, [|"two"|])] public int Count { get; set; } = 1;
            }
            """);
        Assert.Contains("\"two\" is string, not a value of int", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void HT0011_candidate_that_a_float_cannot_hold_exactly() => DiagnosticAssert.Fires("HT0011", """
        using HyperTune;
        public partial class Config
        {
            [Choice(0.5, [|0.1|])] public float Rate { get; set; } = 0.5f;
        }
        """);

    [Fact]
    public void HT0011_optimizer_on_an_array() => DiagnosticAssert.Fires("HT0011", """
        using HyperTune;
        public partial class Config
        {
            [[|Optimizer(OptimizerKind.Adam)|]] public OptimizerKind[] Optimizers { get; set; } = new OptimizerKind[0];
        }
        """);

    [Fact]
    public void Unknown_property_type_is_left_to_the_compiler()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class Config
            {
                [Choice(1, 2)] public Missing X { get; set; }
            }
            """);
        Assert.Empty(result.GeneratorDiagnostics);
    }

    [Fact]
    public void HT0011_epochs_on_a_double() => DiagnosticAssert.Fires("HT0011", """
        using HyperTune;
        public partial class Config
        {
            [[|Epochs(10)|]] public double Epochs { get; set; }
        }
        """);

    [Fact]
    public void HT0012_non_finite_bound() => DiagnosticAssert.Fires("HT0012", """
        using HyperTune;
        public partial class Config
        {
            [Range([|double.PositiveInfinity|], 1.0)] public double X { get; set; }
        }
        """);

    [Fact]
    public void HT0012_fractional_bound_on_an_integer() => DiagnosticAssert.Fires("HT0012", """
        using HyperTune;
        public partial class Config
        {
            [Range(1, [|2.5|])] public int Count { get; set; } = 1;
        }
        """);

    [Fact]
    public void HT0012_epochs_below_one() => DiagnosticAssert.Fires("HT0012", """
        using HyperTune;
        public partial class Config
        {
            [Epochs([|0|])] public int Epochs { get; set; }
        }
        """);

    [Fact]
    public void HT0013_log_range_with_a_bound_at_zero() => DiagnosticAssert.Fires("HT0013", """
        using HyperTune;
        public partial class Config
        {
            [WeightDecay([|0|], 0.01, Scale.Log)] public double WeightDecay { get; set; }
        }
        """);

    [Fact]
    public void HT0013_log_integer_range_with_a_negative_bound() => DiagnosticAssert.Fires("HT0013", """
        using HyperTune;
        public partial class Config
        {
            [HiddenUnits(16, [|-4|], Scale.Log)] public int HiddenUnits { get; set; } = 16;
        }
        """);

    [Fact]
    public void HT0014_empty_candidates() => DiagnosticAssert.Fires("HT0014", """
        using HyperTune;
        public partial class Config
        {
            [[|BatchSize()|]] public int BatchSize { get; set; }
        }
        """);

    [Fact]
    public void HT0014_duplicate_candidate() => DiagnosticAssert.Fires("HT0014", """
        using HyperTune;
        public partial class Config
        {
            [BatchSize(32, 64, [|32|])] public int BatchSize { get; set; } = 32;
        }
        """);

    [Fact]
    public void HT0014_duplicate_candidate_in_an_explicit_array() => DiagnosticAssert.Fires("HT0014", """
        using HyperTune;
        public partial class Config
        {
            [HiddenUnits(new[] { 64, [|64|] })] public int HiddenUnits { get; set; } = 64;
        }
        """);

    [Fact]
    public void HT0014_NaN_candidate() => DiagnosticAssert.Fires("HT0014", """
        using HyperTune;
        public partial class Config
        {
            [Choice(1.0, [|double.NaN|])] public double X { get; set; } = 1;
        }
        """);

    [Fact]
    public void HT0015_member_named_like_the_generated_class() => DiagnosticAssert.Fires("HT0015", """
        using HyperTune;
        public partial class Config
        {
            [Range(0.0, 1.0)] public double X { get; set; }
            public string [|SearchSpace|] { get; set; } = "";
        }
        """);

    [Fact]
    public void HT0016_two_dimension_attributes_on_one_property() => DiagnosticAssert.Fires("HT0016", """
        using HyperTune;
        public partial class Config
        {
            [Range(0.0, 1.0)]
            [[|Dropout(0.0, 0.5)|]]
            public double X { get; set; }
        }
        """);

    [Fact]
    public void HT0017_class_without_a_parameterless_constructor() => DiagnosticAssert.Fires("HT0017", """
        using HyperTune;
        public partial class [|Config|]
        {
            public Config(int seed) { }
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """);

    [Fact]
    public void HT0017_dimension_without_a_setter() => DiagnosticAssert.Fires("HT0017", """
        using HyperTune;
        public partial class Config
        {
            [[|Range(0.0, 1.0)|]] public double X { get; }
        }
        """);

    [Fact]
    public void HT0017_required_member() => DiagnosticAssert.Fires("HT0017", """
        using HyperTune;
        public partial class [|Config|]
        {
            [Range(0.0, 1.0)] public double X { get; set; }
            public required string Name { get; set; }
        }
        """);

    [Fact]
    public void HT0017_abstract_class() => DiagnosticAssert.Fires("HT0017", """
        using HyperTune;
        public abstract partial class [|Config|]
        {
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """);

    [Fact]
    public void HT0018_generic_config() => DiagnosticAssert.Fires("HT0018", """
        using HyperTune;
        public partial class [|Config|]<T>
        {
            [Range(0.0, 1.0)] public double X { get; set; }
        }
        """);

    [Fact]
    public void Valid_config_reports_nothing()
    {
        var result = GeneratorRunner.Run("using HyperTune;" + DiagnosticAssert.GoodNeighbour);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilerDiagnostics);
    }

    [Fact]
    public void Malformed_attribute_is_left_to_the_compiler()
    {
        var result = GeneratorRunner.Run("""
            using HyperTune;
            public partial class Config
            {
                [Range("a", "b")] public double X { get; set; }
            }
            """);
        Assert.Empty(result.GeneratorDiagnostics);
    }
}
