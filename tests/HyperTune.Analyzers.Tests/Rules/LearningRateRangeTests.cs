using Microsoft.CodeAnalysis;
using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.LearningRateRangeAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.LearningRateRangeAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0003: a learning-rate bound outside (0, 1].</summary>
public class LearningRateRangeTests
{
    [Fact]
    public Task Fires_as_a_warning_above_1_naming_the_bound() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|#0:2.5|}, 0.001)]
            public double LearningRate { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.LearningRateOutOfRange).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
            .WithArguments("2.5", "steps larger than the gradient overshoot the minimum and diverge with every common optimiser"));

    [Fact]
    public Task Fires_as_an_error_at_or_below_0_and_when_not_finite() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|#0:0.0|}, 0.1)]
            public double LearningRate { get; set; }
        }
        public partial class Other
        {
            [LearningRate(0.1, {|#1:double.NaN|})]
            public double LearningRate { get; set; }
        }
        public partial class Negative
        {
            [LearningRate({|#2:-0.01|}, 0.1, Scale.Linear)]
            public double LearningRate { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.LearningRateOutOfRange).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("0", "a rate at or below 0 does not descend, and Train rejects it"),
        Verify.Diagnostic(DiagnosticDescriptors.LearningRateOutOfRange).WithLocation(1).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("NaN", "a rate that is not a finite number cannot train"),
        Verify.Diagnostic(DiagnosticDescriptors.LearningRateOutOfRange).WithLocation(2).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments("-0.01", "a rate at or below 0 does not descend, and Train rejects it"));

    [Fact]
    public Task Does_not_fire_inside_0_to_1_including_1() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate(1.0, 0.00001, Scale.Log)]
            public double LearningRate { get; set; }
        }
        """);

    [Fact]
    public Task Fix_clamps_to_1_and_fix_all_clamps_every_config() => Fix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|HT0003:3|}, 0.01)]
            public double LearningRate { get; set; }
        }
        public partial class Other
        {
            [LearningRate(b: {|HT0003:10.0|}, a: 0.1)]
            public double LearningRate { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [LearningRate(1.0, 0.01)]
            public double LearningRate { get; set; }
        }
        public partial class Other
        {
            [LearningRate(b: 1.0, a: 0.1)]
            public double LearningRate { get; set; }
        }
        """);

    [Fact]
    public Task No_fix_when_the_clamp_is_not_obvious() => Fix.VerifyNoFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|HT0003:0|}, 0.1)]
            public double LearningRate { get; set; }
        }
        public partial class Other
        {
            [LearningRate({|HT0003:2|}, {|HT0003:3|})]
            public double LearningRate { get; set; }
        }
        """);
}
