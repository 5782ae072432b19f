using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.HiddenLayersAnalyzer>;
using ClampFix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.HiddenLayersAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;
using RemoveFix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.HiddenLayersAnalyzer, HyperTune.CodeFixes.Fixes.RemoveCandidateCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0006: more than three hidden layers.</summary>
public class HiddenLayersTests
{
    [Fact]
    public Task Fires_at_the_upper_bound_of_a_range_naming_the_value_and_limit() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers({|#0:6|}, 1)]
            public int HiddenLayers { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.TooManyHiddenLayers).WithLocation(0).WithArguments("6", "3"));

    [Fact]
    public Task Fires_at_each_candidate_above_3_but_not_on_the_good_neighbour() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(1, 2, 3, {|HT0006:4|}, {|HT0006:8|})]
            public int HiddenLayers { get; set; }
        }
        public partial class GoodNeighbour
        {
            [HiddenLayers(1, 3)]
            public int HiddenLayers { get; set; }
        }
        """);

    [Fact]
    public Task Fix_clamps_the_range_to_3() => ClampFix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(1, {|HT0006:5|})]
            public int HiddenLayers { get; set; }
        }
        public partial class Other
        {
            [HiddenLayers(2, {|HT0006:10|}, Scale.Log)]
            public int HiddenLayers { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(1, 3)]
            public int HiddenLayers { get; set; }
        }
        public partial class Other
        {
            [HiddenLayers(2, 3, Scale.Log)]
            public int HiddenLayers { get; set; }
        }
        """);

    [Fact]
    public Task No_clamp_when_the_range_would_collapse() => ClampFix.VerifyNoFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(3, {|HT0006:5|})]
            public int HiddenLayers { get; set; }
        }
        """);

    [Fact]
    public Task Fix_all_removes_every_candidate_above_3() => RemoveFix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(1, 2, 3, {|HT0006:4|}, {|HT0006:8|})]
            public int HiddenLayers { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [HiddenLayers(1, 2, 3)]
            public int HiddenLayers { get; set; }
        }
        """);
}
