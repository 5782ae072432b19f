namespace HyperTune.Tests.Policies;

/// <summary>
/// EarlyStoppingMonitor against Keras 3's <c>EarlyStopping</c> (keras/src/callbacks/early_stopping.py,
/// early_stopping_test.py): the epoch it stops at, the best epoch it would restore, and when it
/// would snapshot weights. Expected epochs are worked out by hand from <c>on_epoch_end</c>.
/// </summary>
public class EarlyStoppingMonitorTests
{
    private sealed record Run(int? StoppedEpoch, int EpochsRun, int? BestEpoch, double BestValue, bool[] Improved, bool Restore);

    /// <summary>Runs values through the monitor until it asks to stop, like Keras' fit loop.</summary>
    private static Run Feed(EarlyStoppingAttribute settings, params double[] values)
    {
        var monitor = new EarlyStoppingMonitor(settings);
        var improved = new List<bool>();
        foreach (double value in values)
        {
            bool stop = monitor.EndEpoch(value);
            improved.Add(monitor.ImprovedLastEpoch);
            if (stop)
            {
                Assert.Equal(monitor.Epoch - 1, monitor.StoppedEpoch);
                break;
            }

            Assert.Null(monitor.StoppedEpoch);
        }

        return new Run(monitor.StoppedEpoch, monitor.Epoch, monitor.BestEpoch, monitor.BestValue, [.. improved], monitor.ShouldRestoreBestWeights);
    }

    // test_early_stopping_patience: stopped_epoch == max(patience, 1) + 2.
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(2, 4)]
    [InlineData(3, 5)]
    public void Patience_zero_and_one_behave_alike(int patience, int stoppedEpoch)
    {
        var run = Feed(new EarlyStoppingAttribute(patience), 10.0, 9.0, 8.0, 9.0, 8.9, 8.8, 8.7, 8.6, 8.5);
        Assert.Equal(stoppedEpoch, run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
        Assert.Equal(8.0, run.BestValue);
    }

    // test_early_stopping_final_weights_when_restoring_model_weights, first case.
    [Fact]
    public void Restores_the_best_epoch_after_stopping()
    {
        var run = Feed(new EarlyStoppingAttribute(2) { RestoreBestWeights = true }, 0.2, 0.15, 0.1, 0.11, 0.12);
        Assert.Equal(4, run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
        Assert.Equal([true, true, true, false, false], run.Improved);
        Assert.True(run.Restore);
    }

    // Same test, second case: no epoch beats the baseline 0.5.
    [Fact]
    public void Baseline_never_reached_stops_after_patience_and_restores_the_best_epoch()
    {
        var run = Feed(new EarlyStoppingAttribute(5) { Baseline = 0.5, RestoreBestWeights = true }, 0.9, 0.8, 0.7, 0.71, 0.72, 0.73);
        Assert.Equal(4, run.StoppedEpoch);
        Assert.Equal(5, run.EpochsRun);
        Assert.Equal(2, run.BestEpoch);
        Assert.True(run.Restore);
    }

    // Same test, third case: another callback stops training at epoch 3.
    [Fact]
    public void Restores_the_best_weights_even_when_something_else_stopped_training()
    {
        var monitor = new EarlyStoppingMonitor(new EarlyStoppingAttribute(5) { Baseline = 0.5, RestoreBestWeights = true });
        foreach (double value in new[] { 0.9, 0.8, 0.7, 0.71 }) Assert.False(monitor.EndEpoch(value));
        Assert.Null(monitor.StoppedEpoch);
        Assert.Equal(2, monitor.BestEpoch);
        Assert.True(monitor.ShouldRestoreBestWeights);
    }

    [Fact]
    public void Restores_the_best_weights_when_training_runs_out_of_epochs()
    {
        // Keras 3's on_train_end restores whenever best_weights were taken, stop or no stop.
        var run = Feed(new EarlyStoppingAttribute(10) { RestoreBestWeights = true }, 3, 2, 1, 2, 3);
        Assert.Null(run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
        Assert.True(run.Restore);
        Assert.False(Feed(new EarlyStoppingAttribute(10), 3, 2, 1, 2, 3).Restore);
    }

    [Fact]
    public void Baseline_reached_late_resets_the_wait_from_then_on()
    {
        // 0.9 and 0.8 improve but miss the baseline (wait 1, 2); 0.45 beats it (wait 0); then 3 bad epochs.
        var run = Feed(new EarlyStoppingAttribute(3) { Baseline = 0.5 }, 0.9, 0.8, 0.45, 0.46, 0.47, 0.48, 0.49);
        Assert.Equal(5, run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
    }

    [Fact]
    public void An_improvement_that_misses_the_baseline_skips_the_stop_check()
    {
        // Wait reaches 4 > patience 2 while the value keeps improving: no stop until an epoch does not improve.
        var run = Feed(new EarlyStoppingAttribute(2) { Baseline = 0.5 }, 0.9, 0.8, 0.7, 0.6, 0.65);
        Assert.Equal(4, run.StoppedEpoch);
        Assert.Equal(3, run.BestEpoch);
        Assert.Equal([true, true, true, true, false], run.Improved);
    }

    [Fact]
    public void Baseline_in_mode_max()
    {
        Assert.Null(Feed(new EarlyStoppingAttribute(1) { Mode = MonitorMode.Max, Baseline = 0.9 }, 0.5, 0.6, 0.7).StoppedEpoch);
        var run = Feed(new EarlyStoppingAttribute(1) { Mode = MonitorMode.Max, Baseline = 0.9 }, 0.5, 0.6, 0.6);
        Assert.Equal(2, run.StoppedEpoch);
        Assert.Equal(1, run.BestEpoch);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-0.1)] // Keras takes abs(min_delta)
    public void Min_delta_is_the_smallest_change_that_counts(double minDelta)
    {
        // 0.95 is not 0.1 below 1.0; 0.85 is; 0.8 and 0.79 are not 0.1 below 0.85.
        var run = Feed(new EarlyStoppingAttribute(2) { MinDelta = minDelta }, 1.0, 0.95, 0.85, 0.8, 0.79);
        Assert.Equal(4, run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
        Assert.Equal(0.85, run.BestValue);
        Assert.Equal([true, false, true, false, false], run.Improved);
    }

    [Fact]
    public void A_change_of_exactly_min_delta_does_not_count_because_Keras_compares_in_float32()
    {
        // In doubles 0.7 + 0.1 = 0.7999999999999999 < 0.8, but keras.ops.less compares float32
        // tensors, where both are 0.8f: no improvement, and patience 0 stops at epoch 1.
        var run = Feed(new EarlyStoppingAttribute(0) { MinDelta = 0.1 }, 0.8, 0.7);
        Assert.Equal(1, run.StoppedEpoch);
        Assert.Equal(0, run.BestEpoch);
    }

    [Fact]
    public void A_change_below_float32_resolution_is_a_tie()
    {
        var run = Feed(new EarlyStoppingAttribute(1), 1.0, 0.99999999);
        Assert.Equal(1, run.StoppedEpoch);
        Assert.Equal(1.0, run.BestValue);
    }

    [Fact]
    public void A_tie_is_not_an_improvement()
    {
        var run = Feed(new EarlyStoppingAttribute(1), 0.5, 0.5);
        Assert.Equal(1, run.StoppedEpoch);
        Assert.Equal(0, run.BestEpoch);
    }

    [Fact]
    public void Mode_max_watches_for_increases()
    {
        var run = Feed(new EarlyStoppingAttribute(2) { Mode = MonitorMode.Max }, 0.5, 0.6, 0.6, 0.55);
        Assert.Equal(3, run.StoppedEpoch);
        Assert.Equal(1, run.BestEpoch);
        Assert.Equal(0.6, run.BestValue);

        run = Feed(new EarlyStoppingAttribute(1) { Mode = MonitorMode.Max, MinDelta = 0.05 }, 0.5, 0.62, 0.7, 0.69);
        Assert.Equal(3, run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
    }

    [Fact]
    public void Start_from_epoch_ignores_earlier_epochs_entirely()
    {
        // Epochs 0 and 1 (lower values) are not monitored; epoch 2 is the first best.
        var run = Feed(new EarlyStoppingAttribute(0) { StartFromEpoch = 2, RestoreBestWeights = true }, 0.1, 0.2, 0.5, 0.6);
        Assert.Equal(3, run.StoppedEpoch);
        Assert.Equal(2, run.BestEpoch);
        Assert.Equal(0.5, run.BestValue);
        Assert.Equal([false, false, true, false], run.Improved);
    }

    [Fact]
    public void Nothing_is_monitored_or_restored_during_the_warm_up()
    {
        var monitor = new EarlyStoppingMonitor(new EarlyStoppingAttribute(0) { StartFromEpoch = 3, RestoreBestWeights = true });
        Assert.False(monitor.EndEpoch(5));
        Assert.False(monitor.EndEpoch(6));
        Assert.Null(monitor.BestEpoch);
        Assert.True(double.IsNaN(monitor.BestValue));
        Assert.Equal(0, monitor.Wait);
        Assert.False(monitor.ShouldRestoreBestWeights);
    }

    [Fact]
    public void Start_from_epoch_with_patience_runs_at_least_both()
    {
        // test_early_stopping_with_start_from_epoch: never fewer than patience + start_from_epoch epochs.
        var run = Feed(new EarlyStoppingAttribute(3) { StartFromEpoch = 2 }, 1, 1, 1, 1, 1, 1, 1, 1);
        Assert.Equal(5, run.StoppedEpoch);
        Assert.True(run.EpochsRun >= 3 + 2);
    }

    [Fact]
    public void A_NaN_value_is_an_epoch_without_improvement()
    {
        var run = Feed(new EarlyStoppingAttribute(2), 1.0, double.NaN, double.NaN);
        Assert.Equal(2, run.StoppedEpoch);
        Assert.Equal(0, run.BestEpoch);
    }

    [Fact]
    public void A_NaN_first_value_becomes_the_best_and_nothing_beats_it()
    {
        // Keras starts with best = None, and _is_improvement(x, None) is True whatever x is.
        var run = Feed(new EarlyStoppingAttribute(1), double.NaN, 0.5, 0.4);
        Assert.Equal(1, run.StoppedEpoch);
        Assert.Equal(0, run.BestEpoch);
        Assert.True(double.IsNaN(run.BestValue));
    }

    [Fact]
    public void Never_stops_at_epoch_zero()
    {
        Assert.Null(Feed(new EarlyStoppingAttribute(0), 1.0).StoppedEpoch);
        Assert.Null(Feed(new EarlyStoppingAttribute(0) { Baseline = 0.5 }, 1.0).StoppedEpoch);
    }

    [Fact]
    public void Wait_counts_monitored_epochs_since_the_last_reset()
    {
        var monitor = new EarlyStoppingMonitor(new EarlyStoppingAttribute(10));
        monitor.EndEpoch(1.0);
        Assert.Equal(0, monitor.Wait);
        monitor.EndEpoch(2.0);
        monitor.EndEpoch(3.0);
        Assert.Equal(2, monitor.Wait);
        monitor.EndEpoch(0.5);
        Assert.Equal(0, monitor.Wait);
        Assert.Equal(4, monitor.Epoch);
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_the_parameter_and_value()
    {
        AssertRejected(new EarlyStoppingAttribute(-1), "Patience", "-1");
        AssertRejected(new EarlyStoppingAttribute(1) { StartFromEpoch = -2 }, "StartFromEpoch", "-2");
        AssertRejected(new EarlyStoppingAttribute(1) { MinDelta = double.NaN }, "MinDelta", "NaN");
        AssertRejected(new EarlyStoppingAttribute(1) { MinDelta = double.PositiveInfinity }, "MinDelta", "Infinity");
        AssertRejected(new EarlyStoppingAttribute(1) { Mode = (MonitorMode)7 }, "Mode", "7");
        Assert.Throws<ArgumentNullException>(() => new EarlyStoppingMonitor(null!));

        static void AssertRejected(EarlyStoppingAttribute settings, string parameter, string value)
        {
            var error = Assert.Throws<ArgumentException>(() => new EarlyStoppingMonitor(settings));
            Assert.Equal("settings", error.ParamName);
            Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
            Assert.Contains(value, error.Message, StringComparison.Ordinal);
        }
    }
}
