using HyperTune.Policies.Schedules;
using static HyperTune.Tests.Policies.ScheduleRun;

namespace HyperTune.Tests.Policies;

/// <summary>
/// ReduceOnPlateau against PyTorch's <c>ReduceLROnPlateau</c>: test_reduce_lr_on_plateau1..8 of
/// test/optim/test_lrscheduler.py (initial rate 0.5; each target is the rate after
/// <c>step(metrics[epoch])</c>), then the edge cases its source implies.
/// </summary>
public class ReduceOnPlateauTests
{
    private static LearningRateSchedule Plateau(
        double initial = 0.5,
        MonitorMode mode = MonitorMode.Min,
        double factor = 0.1,
        int patience = 10,
        double threshold = 1e-4,
        ThresholdMode thresholdMode = ThresholdMode.Relative,
        int cooldown = 0,
        double minLr = 0,
        double eps = 1e-8) =>
        LearningRateSchedule.Create(
            new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau)
            {
                Mode = mode,
                Factor = factor,
                Patience = patience,
                Threshold = threshold,
                ThresholdMode = thresholdMode,
                Cooldown = cooldown,
                MinLearningRate = minLr,
                Eps = eps,
            },
            initial);

    private static double[] Metrics(int count, Func<int, double> metric) => Enumerable.Range(0, count).Select(metric).ToArray();

    [Fact]
    public void Matches_test_reduce_lr_on_plateau1_abs_min_never_plateaus()
    {
        // Each epoch improves by 0.0167 > threshold 0.01: never a bad epoch.
        var rates = RatesAfterEachStep(
            Plateau(thresholdMode: ThresholdMode.Absolute, threshold: 0.01, patience: 5, cooldown: 5),
            Metrics(20, i => 10 - i * 0.0167));
        AssertExactly(Repeat((0.5, 20)), rates);
    }

    [Fact]
    public void Matches_test_reduce_lr_on_plateau2_abs_min_without_cooldown()
    {
        // Improvements of 0.0165 < threshold 0.1 are all bad epochs: a cut every 6 epochs.
        var rates = RatesAfterEachStep(
            Plateau(patience: 5, cooldown: 0, thresholdMode: ThresholdMode.Absolute, threshold: 0.1),
            Metrics(22, i => 10 - i * 0.0165));
        AssertWithinPyTorchTolerance(Repeat((0.5, 6), (0.05, 7), (0.005, 7), (0.0005, 2)), rates);
        AssertExactly(Repeat((0.5, 6), (0.05, 7), (0.005000000000000001, 7), (0.0005000000000000001, 2)), rates);
    }

    [Fact]
    public void Matches_test_reduce_lr_on_plateau3_abs_max_with_cooldown()
    {
        var rates = RatesAfterEachStep(
            Plateau(mode: MonitorMode.Max, patience: 5, cooldown: 5, thresholdMode: ThresholdMode.Absolute),
            [.. Repeat((-0.8, 2), (-0.234, 20))]);
        AssertExactly(Repeat((0.5, 2 + 6), (0.05, 5 + 6), (0.005000000000000001, 3)), rates);
    }

    [Fact]
    public void Matches_test_reduce_lr_on_plateau4_rel_max_keeps_improving()
    {
        // 1.025 > 1.1 ** 0.25: within patience 3 the value always clears the 10% relative threshold.
        var rates = RatesAfterEachStep(
            Plateau(mode: MonitorMode.Max, patience: 3, thresholdMode: ThresholdMode.Relative, threshold: 0.1),
            Metrics(20, i => 1.5 * Math.Pow(1.025, i)));
        AssertExactly(Repeat((0.5, 20)), rates);
    }

    [Fact]
    public void Matches_test_reduce_lr_on_plateau5_rel_max_with_cooldown()
    {
        var rates = RatesAfterEachStep(
            Plateau(mode: MonitorMode.Max, thresholdMode: ThresholdMode.Relative, threshold: 0.1, patience: 5, cooldown: 5),
            Metrics(20, i => 1.5 * Math.Pow(1.005, i)));
        AssertExactly(Repeat((0.5, 6), (0.05, 5 + 6), (0.005000000000000001, 3)), rates);
    }

    [Fact]
    public void Matches_test_reduce_lr_on_plateau6_rel_min_keeps_improving()
    {
        var rates = RatesAfterEachStep(
            Plateau(mode: MonitorMode.Min, thresholdMode: ThresholdMode.Relative, threshold: 0.1),
            Metrics(20, i => 1.5 * Math.Pow(0.85, i)));
        AssertExactly(Repeat((0.5, 20)), rates);
    }

    [Fact]
    public void Matches_test_reduce_lr_on_plateau7_rel_min_cooldown_still_tracks_the_best()
    {
        // 0.6 at epoch 7 falls in cooldown: it still becomes the best, so 0.5 (not < 0.6 * 0.9) is bad.
        var rates = RatesAfterEachStep(
            Plateau(mode: MonitorMode.Min, thresholdMode: ThresholdMode.Relative, threshold: 0.1, patience: 5, cooldown: 5),
            [.. Repeat((1, 7), (0.6, 1), (0.5, 12))]);
        AssertExactly(Repeat((0.5, 6), (0.05, 5 + 6), (0.005000000000000001, 3)), rates);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.3)]
    public void Matches_test_reduce_lr_on_plateau8_min_lr_floors_the_cut(double minLr)
    {
        // The reference runs two groups with min_lr [0.4, 0.3]; one schedule is one group.
        var rates = RatesAfterEachStep(
            Plateau(mode: MonitorMode.Max, thresholdMode: ThresholdMode.Relative, minLr: minLr, threshold: 0.1, patience: 5, cooldown: 5),
            Metrics(20, i => 1.5 * Math.Pow(1.005, i)));
        AssertExactly(Repeat((0.5, 6), (minLr, 14)), rates);
    }

    [Fact]
    public void Cuts_only_when_bad_epochs_exceed_patience()
    {
        // patience 2: bad epochs 1, 2 are tolerated, the third cuts; the cut applies to the next epoch.
        var rates = RatesAfterEachStep(Plateau(patience: 2), [1, 1, 1, 1, 1]);
        AssertExactly([0.5, 0.5, 0.5, 0.05, 0.05], rates);
    }

    [Fact]
    public void Patience_zero_cuts_after_the_first_bad_epoch_and_a_tie_is_bad()
    {
        // Strict comparison: with threshold 0 an equal value is not an improvement.
        var rates = RatesAfterEachStep(Plateau(patience: 0, threshold: 0, thresholdMode: ThresholdMode.Absolute), [1, 1]);
        AssertExactly([0.5, 0.05], rates);
    }

    [Fact]
    public void Cooldown_zeroes_bad_epochs_but_tracks_the_best()
    {
        var schedule = Plateau(initial: 1.0, patience: 0, threshold: 0, thresholdMode: ThresholdMode.Absolute, cooldown: 2);
        var rates = RatesAfterEachStep(schedule, [5, 6, 1, 2, 3, 4]);
        // 6 cuts (cooldown 2); 1 is a new best inside cooldown; 2 is bad but in cooldown; 3 cuts again.
        AssertExactly([1.0, 0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002], rates);
        var plateau = Assert.IsType<ReduceOnPlateauSchedule>(schedule);
        Assert.Equal(1, plateau.Best);
        Assert.Equal(1, plateau.CooldownCounter);
    }

    [Fact]
    public void A_cut_smaller_than_eps_is_ignored()
    {
        // 1e-7 * 0.5 differs from 1e-7 by 5e-8, not more than eps = 1e-7: the rate stays.
        var rates = RatesAfterEachStep(Plateau(initial: 1e-7, factor: 0.5, patience: 0, eps: 1e-7), [1, 2, 3]);
        AssertExactly([1e-7, 1e-7, 1e-7], rates);
    }

    [Fact]
    public void The_cut_stops_at_min_lr()
    {
        var rates = RatesAfterEachStep(Plateau(initial: 0.1, factor: 0.1, minLr: 0.05, patience: 0), [1, 2, 3, 4]);
        AssertExactly([0.1, 0.05, 0.05, 0.05], rates);
    }

    [Fact]
    public void A_NaN_metric_is_a_bad_epoch()
    {
        var rates = RatesAfterEachStep(Plateau(initial: 1.0, patience: 1), [1, double.NaN, double.NaN]);
        AssertExactly([1.0, 1.0, 0.1], rates);
    }

    [Fact]
    public void Relative_threshold_is_applied_literally_to_negative_values()
    {
        // mode max, rel 0.1: better means a > best * 1.1, so -0.85 beats -0.8 (-0.85 > -0.88).
        var schedule = Plateau(initial: 1.0, mode: MonitorMode.Max, threshold: 0.1, patience: 0);
        var rates = RatesAfterEachStep(schedule, [-0.8, -0.85, -0.75, -0.74]);
        AssertExactly([1.0, 1.0, 1.0, 1.0], rates);
        Assert.Equal(-0.74, Assert.IsType<ReduceOnPlateauSchedule>(schedule).Best);
    }

    [Fact]
    public void Relative_threshold_one_in_mode_min_never_improves_as_in_PyTorch()
    {
        // best starts at +inf and inf * (1 - 1) is NaN: even the first epoch is bad.
        var rates = RatesAfterEachStep(Plateau(initial: 1.0, patience: 0, threshold: 1.0), [1, 0.5]);
        AssertExactly([0.1, 0.010000000000000002], rates);
    }

    [Fact]
    public void Ending_an_epoch_without_the_metric_throws_and_changes_nothing()
    {
        var schedule = Plateau();
        var error = Assert.Throws<ArgumentException>(() => schedule.EndEpoch());
        Assert.Equal("monitoredValue", error.ParamName);
        Assert.Contains("ReduceOnPlateau", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, schedule.Epoch);
        Assert.Equal(0.5, schedule.LearningRate);
    }

    [Fact]
    public void The_initial_rate_runs_until_the_first_step()
    {
        // test_reduce_lr_on_plateau_get_last_lr_before_step.
        var schedule = Plateau();
        Assert.Equal(0.5, schedule.LearningRate);
        Assert.Equal(0, schedule.Epoch);
    }
}
