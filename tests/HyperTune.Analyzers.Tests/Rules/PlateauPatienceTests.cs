using HyperTune.Analyzers.Diagnostics;
using Verify = HyperTune.Analyzers.Tests.Verifiers.AnalyzerVerifier<HyperTune.Analyzers.Training.PlateauPatienceAnalyzer>;
using Fix = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Training.PlateauPatienceAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>HT0009: a plateau schedule that early stopping always beats.</summary>
public class PlateauPatienceTests
{
    [Fact]
    public Task Fires_at_a_plateau_patience_equal_to_the_early_stopping_patience() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Factor = 0.5, Patience = {|#0:10|})]
        [EarlyStopping(10)]
        public partial class Config
        {
        }
        """,
        Verify.Diagnostic(DiagnosticDescriptors.PlateauDecayCannotAct).WithLocation(0).WithArguments("11", "10"));

    [Fact]
    public Task Fires_at_the_attribute_when_the_default_patience_of_10_is_too_long() => Verify.VerifyAsync("""
        using HyperTune;
        [{|HT0009:LearningRateDecay(DecayKind.ReduceOnPlateau)|}]
        [EarlyStopping(5)]
        public partial class Config
        {
        }
        """);

    [Fact]
    public Task Fires_when_the_cut_would_come_on_the_stopping_epoch() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = {|HT0009:9|})]
        [EarlyStopping(10)]
        public partial class Config
        {
        }
        """);

    [Fact]
    public Task Does_not_fire_when_the_cut_comes_first_or_without_early_stopping() => Verify.VerifyAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 5)]
        [EarlyStopping(10)]
        public partial class Config
        {
        }
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 50)]
        public partial class NoEarlyStopping
        {
        }
        [LearningRateDecay(DecayKind.Step, StepSize = 30)]
        [EarlyStopping(2)]
        public partial class NotPlateau
        {
        }
        """);

    [Fact]
    public Task Fix_halves_the_patience_or_adds_it_and_fix_all_fixes_both() => Fix.VerifyFixAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = {|HT0009:20|})]
        [EarlyStopping(10)]
        public partial class Config
        {
        }
        [{|HT0009:LearningRateDecay(DecayKind.ReduceOnPlateau)|}]
        [EarlyStopping(patience: 6)]
        public partial class Default
        {
        }
        """, """
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 5)]
        [EarlyStopping(10)]
        public partial class Config
        {
        }
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 3)]
        [EarlyStopping(patience: 6)]
        public partial class Default
        {
        }
        """);

    [Fact]
    public Task No_fix_when_early_stopping_stops_after_one_bad_epoch() => Fix.VerifyNoFixAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = {|HT0009:0|})]
        [EarlyStopping(1)]
        public partial class Config
        {
        }
        """);
}
