using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Training.EarlyStoppingReachAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Training.EarlyStoppingReachAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0005: early stopping that can never trigger.</summary>
public class EarlyStoppingReachTests
{
    [Fact]
    public Task Fires_at_a_patience_that_reaches_the_last_epoch() => Verify.VerifyAsync("""
        using HyperTune;
        [EarlyStopping({|#0:100|})]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.EarlyStoppingNeverTriggers).WithLocation(0).WithArguments("Patience", "100", "100 epochs"));

    [Fact]
    public Task Fires_at_StartFromEpoch_past_the_end_and_at_a_patience_that_starts_too_late() => Verify.VerifyAsync("""
        using HyperTune;
        [EarlyStopping(5, StartFromEpoch = {|#0:100|})]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [EarlyStopping(patience: {|#1:10|}, StartFromEpoch = 90)]
        public partial class Late
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.EarlyStoppingNeverTriggers).WithLocation(0).WithArguments("StartFromEpoch", "100", "100 epochs"),
        Verify.Diagnostic(DiagnosticDescriptors.EarlyStoppingNeverTriggers).WithLocation(1)
            .WithArguments("Patience", "10", "100 epochs (counting from epoch 90)"));

    [Fact]
    public Task Patience_0_acts_as_1_as_in_Keras() => Verify.VerifyAsync("""
        using HyperTune;
        [EarlyStopping({|HT0005:0|})]
        public partial class OneEpoch
        {
            [Epochs(1)]
            public int Epochs { get; set; }
        }
        [EarlyStopping(0)]
        public partial class TwoEpochs
        {
            [Epochs(2)]
            public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task Fires_at_a_validation_monitor_that_cannot_act_before_StopAtStep() => Verify.VerifyAsync("""
        using HyperTune;
        [ValidationMonitor(50, {|#0:1000|})]
        [StopAtStep(1000)]
        public partial class Rounds
        {
        }
        [ValidationMonitor({|#1:2000|}, 200)]
        [StopAtStep(1000)]
        public partial class Every
        {
        }
        [ValidationMonitor(50, 200)]
        [StopAtStep(10_000)]
        public partial class GoodNeighbour
        {
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.EarlyStoppingNeverTriggers).WithLocation(0)
            .WithArguments("EarlyStoppingRounds", "1000", "1000 steps ([StopAtStep])"),
        Verify.Diagnostic(DiagnosticDescriptors.EarlyStoppingNeverTriggers).WithLocation(1)
            .WithArguments("EveryNSteps", "2000", "1000 steps ([StopAtStep])"));

    [Fact]
    public Task Does_not_fire_when_early_stopping_can_act() => Verify.VerifyAsync("""
        using HyperTune;
        [EarlyStopping(10, StartFromEpoch = 5)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [EarlyStopping(10)]
        public partial class NoBudget
        {
        }
        """);

    [Fact]
    public Task Fix_shortens_the_patience_or_resets_the_start_and_fix_all_fixes_both() => Fix.VerifyFixAsync("""
        using HyperTune;
        [EarlyStopping({|HT0005:200|})]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [EarlyStopping(5, StartFromEpoch = {|HT0005:150|})]
        public partial class Late
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """, """
        using HyperTune;
        [EarlyStopping(10)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        [EarlyStopping(5, StartFromEpoch = 0)]
        public partial class Late
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task No_fix_for_a_validation_monitor() => Fix.VerifyNoFixAsync("""
        using HyperTune;
        [ValidationMonitor(50, {|HT0005:1000|})]
        [StopAtStep(1000)]
        public partial class Rounds
        {
        }
        """);
}
