using HyperTune.Analyzers.Tests.Verifiers;
using Xunit.Sdk;
using AddEarlyStopping = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Training.MissingValidationMonitorAnalyzer, HyperTune.CodeFixes.Fixes.AddEarlyStoppingCodeFixProvider>;
using ShortenPatience = HyperTune.Analyzers.Tests.Verifiers.CodeFixVerifier<HyperTune.Analyzers.Training.EarlyStoppingReachAnalyzer, HyperTune.CodeFixes.Fixes.ReplaceValueCodeFixProvider>;

namespace HyperTune.Analyzers.Tests.Rules;

/// <summary>
/// A code fix never creates a new diagnostic: it writes values that fit the config. Every fix test
/// of the suite checks this through <see cref="CodeFixVerifier{TAnalyzer, TCodeFix}.AssertNoNewDiagnosticsAsync"/>;
/// these are the cases where a fixed value used to raise another rule.
/// </summary>
public class FixesFitTheConfigTests
{
    [Fact]
    public async Task The_check_catches_a_fix_that_raises_another_rule()
    {
        // What the HT0002 fix used to write: patience 10 against 5 epochs, so HT0005.
        var exception = await Assert.ThrowsAsync<TrueException>(() => AddEarlyStopping.AssertNoNewDiagnosticsAsync("""
            using HyperTune;
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
                [Epochs(5)] public int Epochs { get; set; }
            }
            """, """
            using HyperTune;
            [EarlyStopping(patience: 10)]
            public partial class Config
            {
                [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
                [Epochs(5)] public int Epochs { get; set; }
            }
            """));
        Assert.Contains("HT0005", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Early_stopping_added_to_a_short_run_has_a_patience_that_can_trigger() => AddEarlyStopping.VerifyFixAsync("""
        using HyperTune;

        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [{|HT0002:Epochs(5)|}] public int Epochs { get; set; }
        }
        """, """
        using HyperTune;

        [EarlyStopping(patience: 2)]
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(5)] public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task Early_stopping_added_beside_a_plateau_decay_waits_for_the_decay_to_act() => AddEarlyStopping.VerifyFixAsync("""
        using HyperTune;

        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 12)]
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [{|HT0002:Epochs(100)|}] public int Epochs { get; set; }
        }
        """, """
        using HyperTune;

        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 12)]
        [EarlyStopping(patience: 14)]
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [Epochs(100)] public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task No_early_stopping_is_offered_when_no_patience_fits() => AddEarlyStopping.VerifyNoFixAsync("""
        using HyperTune;
        [LearningRateDecay(DecayKind.ReduceOnPlateau)]
        public partial class Config
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [{|HT0002:Epochs(8)|}] public int Epochs { get; set; }
        }
        public partial class OneEpoch
        {
            [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; }
            [{|HT0002:Epochs(1)|}] public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task A_shortened_patience_still_outlasts_a_plateau_decay() => ShortenPatience.VerifyFixAsync("""
        using HyperTune;
        [EarlyStopping({|HT0005:200|})]
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 4)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """, """
        using HyperTune;
        [EarlyStopping(10)]
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 4)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """);

    [Fact]
    public Task A_shortened_patience_is_raised_to_what_the_plateau_decay_needs() => ShortenPatience.VerifyFixAsync("""
        using HyperTune;
        [EarlyStopping({|HT0005:200|})]
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 20)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """, """
        using HyperTune;
        [EarlyStopping(22)]
        [LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 20)]
        public partial class Config
        {
            [Epochs(100)]
            public int Epochs { get; set; }
        }
        """);
}
