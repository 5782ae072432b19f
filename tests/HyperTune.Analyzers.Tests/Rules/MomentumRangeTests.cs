using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.MomentumRangeAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.MomentumRangeAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0022: momentum at or above 1.</summary>
public class MomentumRangeTests
{
    [Fact]
    public Task Fires_at_a_bound_of_1_or_more() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [Momentum(0.5, {|#0:1.0|})]
            public double Momentum { get; set; }
        }
        public partial class GoodNeighbour
        {
            [Momentum(0.5, 0.99)]
            public double Momentum { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.MomentumNotBelowOne).WithLocation(0).WithArguments("1"));

    [Fact]
    public Task Fix_clamps_to_0_99_and_fix_all_fixes_every_config() => Fix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [Momentum(0.5, {|HT0022:1.0|})]
            public double Momentum { get; set; }
        }
        public partial class Other
        {
            [Momentum({|HT0022:1.5|}, 0.9)]
            public double Momentum { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [Momentum(0.5, 0.99)]
            public double Momentum { get; set; }
        }
        public partial class Other
        {
            [Momentum(0.99, 0.9)]
            public double Momentum { get; set; }
        }
        """);
}
