using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.DropoutRangeAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.DropoutRangeAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0025: dropout outside [0, 1).</summary>
public class DropoutRangeTests
{
    [Fact]
    public Task Fires_at_1_and_below_0_but_not_on_the_good_neighbour() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [Dropout(0.0, {|#0:1.0|})]
            public double Dropout { get; set; }
        }
        public partial class Negative
        {
            [Dropout({|#1:-0.1|}, 0.5)]
            public double Dropout { get; set; }
        }
        public partial class GoodNeighbour
        {
            [Dropout(0.0, 0.5)]
            public double Dropout { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DropoutOutOfRange).WithLocation(0)
            .WithArguments("1", "dropping every unit leaves nothing to train, and inverted dropout divides by zero"),
        Verify.Diagnostic(DiagnosticDescriptors.DropoutOutOfRange).WithLocation(1).WithArguments("-0.1", "a probability cannot be negative"));

    [Fact]
    public Task Fix_clamps_into_range_and_fix_all_fixes_every_config() => Fix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [Dropout(0.1, {|HT0025:1.0|})]
            public double Dropout { get; set; }
        }
        public partial class Negative
        {
            [Dropout({|HT0025:-0.1|}, 0.5)]
            public double Dropout { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [Dropout(0.1, 0.5)]
            public double Dropout { get; set; }
        }
        public partial class Negative
        {
            [Dropout(0.0, 0.5)]
            public double Dropout { get; set; }
        }
        """);
}
