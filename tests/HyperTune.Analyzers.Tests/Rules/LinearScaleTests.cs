using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Dimensions.LinearScaleAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Dimensions.LinearScaleAnalyzer, HyperTune.CodeFixes.Fixes.UseLogScaleCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0004: a linear scale across two or more decades.</summary>
public class LinearScaleTests
{
    [Fact]
    public Task Fires_at_the_bounds_when_the_scale_is_left_to_its_default() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|#0:0.1, 0.0001|})]
            public double LearningRate { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.LinearScaleAcrossDecades).WithLocation(0).WithArguments("0.0001", "0.1", "3", "90"));

    [Fact]
    public Task Fires_at_an_explicit_linear_scale_on_any_range() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [WeightDecay(1e-6, 1e-2, {|HT0004:Scale.Linear|})]
            public double WeightDecay { get; set; }

            [HiddenUnits({|HT0004:4, 1024|})]
            public int HiddenUnits { get; set; }

            [Range({|HT0004:1, 1000|})]
            public int Trees { get; set; }
        }
        """);

    [Fact]
    public Task Does_not_fire_within_two_decades_on_log_scale_or_from_zero() => Verify.VerifyAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.002)]
            public double LearningRate { get; set; }

            [WeightDecay(1e-6, 1e-2, Scale.Log)]
            public double WeightDecay { get; set; }

            [Dropout(0.0, 0.5)]
            public double Dropout { get; set; }

            [HiddenUnits(64, 128, 256)]
            public int HiddenUnits { get; set; }
        }
        """);

    [Fact]
    public Task Fix_adds_Scale_Log_and_fix_all_fixes_every_range() => Fix.VerifyFixAsync("""
        using HyperTune;
        public partial class Config
        {
            [LearningRate({|HT0004:0.1, 0.0001|})]
            public double LearningRate { get; set; }

            [WeightDecay(1e-6, 1e-2, {|HT0004:Scale.Linear|})]
            public double WeightDecay { get; set; }
        }
        """, """
        using HyperTune;
        public partial class Config
        {
            [LearningRate(0.1, 0.0001, Scale.Log)]
            public double LearningRate { get; set; }

            [WeightDecay(1e-6, 1e-2, Scale.Log)]
            public double WeightDecay { get; set; }
        }
        """);

    [Fact]
    public Task Fix_keeps_the_using_static_spelling() => Fix.VerifyFixAsync("""
        using HyperTune;
        using static HyperTune.Scale;
        public partial class Config
        {
            [LearningRate(0.1, 0.00001, {|HT0004:LinearScale|})]
            public double LearningRate { get; set; }
        }
        """, """
        using HyperTune;
        using static HyperTune.Scale;
        public partial class Config
        {
            [LearningRate(0.1, 0.00001, LogScale)]
            public double LearningRate { get; set; }
        }
        """);

    [Fact]
    public Task Fix_names_the_argument_after_named_bounds_and_qualifies_without_a_using() => Fix.VerifyFixAsync("""
        public partial class Config
        {
            [HyperTune.LearningRate(b: {|HT0004:0.1, a: 0.0001|})]
            public double LearningRate { get; set; }
        }
        """, """
        public partial class Config
        {
            [HyperTune.LearningRate(b: 0.1, a: 0.0001, scale: HyperTune.Scale.Log)]
            public double LearningRate { get; set; }
        }
        """);
}
