using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Grid.GridSizeAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Grid.GridSizeAnalyzer, HyperTune.CodeFixes.Fixes.FewerGridPointsCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0007: a grid search larger than the limit, at the call of the generated <c>SearchSpace.Grid</c>.</summary>
public class GridSizeTests
{
    /// <summary>
    /// Five ranges and four batch sizes: 5^5 x 4 = 12,500 points at the default 5 per range, 4^5 x 4 = 4,096 at 4.
    /// <c>SearchSpace</c> stands in for the generated one (issue 2).
    /// </summary>
    private const string Config = """
        using System.Collections.Generic;
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; }
            [Momentum(0.5, 0.99)] public double Momentum { get; set; }
            [WeightDecay(1e-6, 1e-2, Scale.Log)] public double WeightDecay { get; set; }
            [Dropout(0.0, 0.5)] public double Dropout { get; set; }
            [Range(0.9, 0.999)] public double Beta2 { get; set; }
            [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; }
            [Epochs(100)] public int Epochs { get; set; }

            public static class SearchSpace
            {
                public static IEnumerable<Config> Grid(int pointsPerRange = 5) => new Config[0];
                public static long CountGrid(int pointsPerRange = 5) => 0;
            }
        }
        """;

    [Fact]
    public Task Fires_at_a_Grid_call_naming_the_count_and_the_limit() => Verify.VerifyAsync(Config + """
        public static class Tuning
        {
            public static void Run()
            {
                foreach (var config in {|#0:Config.SearchSpace.Grid()|}) { }
            }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.GridTooLarge).WithLocation(0).WithArguments("Config", "12500", "5", "10000"));

    [Fact]
    public Task Does_not_fire_within_the_limit_or_on_CountGrid_or_a_non_constant_argument() => Verify.VerifyAsync(Config + """
        public static class Tuning
        {
            public static void Run(int points)
            {
                Config.SearchSpace.Grid(4);
                Config.SearchSpace.CountGrid();
                Config.SearchSpace.Grid(points);
            }
        }
        """);

    [Fact]
    public Task Does_not_fire_on_a_SearchSpace_of_a_type_without_HyperTune_attributes() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        public class Plain
        {
            public static class SearchSpace
            {
                public static IEnumerable<Plain> Grid(int pointsPerRange = 5) => new Plain[0];
            }
        }
        public static class Tuning
        {
            public static void Run() => Plain.SearchSpace.Grid(1000);
        }
        """);

    [Fact]
    public Task Fix_uses_the_largest_points_per_range_that_fits_and_fix_all_fixes_every_call() => Fix.VerifyFixAsync(Config + """
        public static class Tuning
        {
            public static void Run()
            {
                {|HT0007:Config.SearchSpace.Grid()|};
                {|HT0007:Config.SearchSpace.Grid(pointsPerRange: 10)|};
            }
        }
        """, Config + """
        public static class Tuning
        {
            public static void Run()
            {
                Config.SearchSpace.Grid(4);
                Config.SearchSpace.Grid(pointsPerRange: 4);
            }
        }
        """);

    [Fact]
    public Task No_fix_when_even_2_points_per_range_is_too_many() => Fix.VerifyNoFixAsync("""
        using System.Collections.Generic;
        using HyperTune;
        public partial class Wide
        {
            [Choice(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)] public int A { get; set; }
            [Choice(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)] public int B { get; set; }
            [Choice(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)] public int C { get; set; }
            [Choice(1, 2)] public int D { get; set; }

            public static class SearchSpace
            {
                public static IEnumerable<Wide> Grid(int pointsPerRange = 5) => new Wide[0];
            }
        }
        public static class Tuning
        {
            public static void Run() => {|HT0007:Wide.SearchSpace.Grid(3)|};
        }
        """);
}
