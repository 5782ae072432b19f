using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Training.DecayScheduleAnalyzer>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0021 (a decay step past the last epoch) and HT0024 (an adaptive optimiser decayed to nothing). No code fix: the right schedule is the user's call.</summary>
public class DecayScheduleTests
{
    [Fact]
    public Task HT0021_fires_at_a_step_size_at_or_past_the_last_epoch() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.Step, StepSize = {|#0:50|})]
        public partial class Config
        {
            [Epochs(50)]
            public int Epochs { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.DecayNeverActs).WithLocation(0)
            .WithArguments("StepSize", "50", "50", "the first cut would come at epoch 50, so the rate is never cut"));

    [Fact]
    public Task HT0021_fires_at_each_late_milestone_and_at_an_unfinished_warm_up() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.MultiStep, Milestones = new[] { 10, 30, {|HT0021:60|}, {|HT0021:90|} })]
        public partial class Config
        {
            [Epochs(50)]
            public int Epochs { get; set; }
        }
        [LearningRateDecay(DecayKind.LinearWarmup, TotalEpochs = {|HT0021:20|})]
        public partial class WarmUp
        {
            [Epochs(20)]
            public int Epochs { get; set; }
        }
        [{|HT0021:LearningRateDecay(DecayKind.LinearWarmup)|}]
        public partial class DefaultWarmUp
        {
            [Epochs(3)]
            public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task HT0021_does_not_fire_when_the_schedule_acts_in_time() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.Step, StepSize = 30, Gamma = 0.1)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [LearningRateDecay(DecayKind.MultiStep, Milestones = new[] { 30, 80 })]
        public partial class Milestones
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [LearningRateDecay(DecayKind.Step, StepSize = 500)]
        public partial class NoEpochBudget
        {
        }
        """);

    [Fact]
    public Task HT0024_fires_when_an_adaptive_optimiser_is_decayed_below_1e_4() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.Exponential, Gamma = {|#0:0.9|})]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            [Optimizer(OptimizerKind.Momentum, OptimizerKind.Adam)]
            public OptimizerKind Optimizer { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.AdaptiveOptimizerDecayedToNothing).WithLocation(0)
            .WithArguments("Exponential", "2.95E-05", "epoch 99", "0.0001", "Adam"));

    [Fact]
    public Task HT0024_fires_at_the_attribute_for_the_default_gamma() => Verify.VerifyAsync("""
        using HyperTune;
        [{|HT0024:LearningRateDecay(DecayKind.Step, StepSize = 10)|}]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            [Optimizer(OptimizerKind.AdamW)]
            public OptimizerKind Optimizer { get; set; }
        }
        """);

    [Fact]
    public Task HT0024_does_not_fire_for_SGD_or_a_gentle_schedule() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.Exponential, Gamma = 0.9)]
        public partial class Sgd
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            [Optimizer(OptimizerKind.Sgd, OptimizerKind.Nesterov)]
            public OptimizerKind Optimizer { get; set; }
        }
        [LearningRateDecay(DecayKind.Step, StepSize = 30, Gamma = 0.1)]
        public partial class ResNetStyle
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            [Optimizer(OptimizerKind.Adam)]
            public OptimizerKind Optimizer { get; set; }
        }
        [LearningRateDecay(DecayKind.MultiStep, Milestones = new[] { 10, 20, 30, 40, {|HT0021:200|} })]
        public partial class LateMilestoneIsNotACut
        {
            [Epochs(100)]
            public int Epochs { get; set; }

            [Optimizer(OptimizerKind.RmsProp)]
            public OptimizerKind Optimizer { get; set; }
        }
        """);
}
