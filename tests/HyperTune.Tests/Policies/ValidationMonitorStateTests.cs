namespace HyperTune.Tests.Policies;

/// <summary>
/// ValidationMonitorState against TF 1's <c>tf.contrib.learn.monitors.ValidationMonitor</c> and its
/// base <c>EveryN</c> (tensorflow/contrib/learn/python/learn/monitors.py, monitors_test.py).
/// </summary>
public class ValidationMonitorStateTests
{
    /// <summary>The steps at which every-N fires over steps <paramref name="first"/>..<paramref name="last"/>.</summary>
    private static long[] FiringSteps(ValidationMonitorState state, long first, long last)
    {
        var fired = new List<long>();
        for (long step = first; step <= last; step++)
        {
            if (state.ShouldEvaluate(step)) fired.Add(step);
        }

        return [.. fired];
    }

    // test_every_0, test_every_1, test_every_2: EveryN(n, first_n_steps=-1) as ValidationMonitor builds
    // it, over steps 0..29 with max_steps = 29.
    [Fact]
    public void Every_zero_fires_at_every_step()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(0, 200), maxSteps: 29);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), FiringSteps(state, 0, 29));
    }

    [Fact]
    public void Every_one_fires_from_step_one()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(1, 200), maxSteps: 29);
        Assert.Equal(Enumerable.Range(1, 29).Select(i => (long)i), FiringSteps(state, 0, 29));
    }

    [Fact]
    public void Every_two_fires_on_even_steps_and_at_the_last_step()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(2, 200), maxSteps: 29);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => 2L * i).Append(29), FiringSteps(state, 0, 29));
    }

    [Fact]
    public void Without_a_last_step_the_end_of_training_adds_no_evaluation()
    {
        // test_every_8_no_max_steps: without max_steps, step_begin/step_end do not fire at the end
        // (EveryN.end only calls every_n_post_step, which ValidationMonitor does not use).
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(2, 200));
        Assert.Equal(Enumerable.Range(1, 14).Select(i => 2L * i), FiringSteps(state, 0, 29));
    }

    [Fact]
    public void The_classic_monitor_evaluates_every_50_steps_from_step_50()
    {
        // ValidationMonitor(every_n_steps=50, early_stopping_rounds=200): no evaluation at the first
        // step (first_n_steps = -1), then 50, 100, 150, ...
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 200));
        Assert.Equal([50L, 100, 150, 200, 250], FiringSteps(state, 1, 299));
        Assert.Equal(250, state.LastFiredStep);
    }

    [Fact]
    public void The_classic_monitor_stops_200_steps_after_the_best_step()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 200));
        var values = new Dictionary<long, double> { [50] = 0.9, [100] = 0.5, [150] = 0.6, [200] = 0.5, [250] = 0.55, [300] = 0.7, [350] = 0.1 };
        long? stoppedAt = null;
        for (long step = 1; step <= 400 && stoppedAt is null; step++)
        {
            if (state.ShouldEvaluate(step) && state.Evaluate(step, values[step])) stoppedAt = step;
        }

        // The tie 0.5 at step 200 does not move the best step: 300 - 100 >= 200.
        Assert.Equal(300, stoppedAt);
        Assert.Equal(100, state.BestStep);
        Assert.Equal(0.5, state.BestValue);
        Assert.True(state.EarlyStopped);
    }

    [Fact]
    public void Rounds_are_global_steps_since_the_best_step_not_evaluations()
    {
        // Best at 50; 100 - 50 = 50 and 150 - 50 = 100 are < 120; 200 - 50 = 150 stops.
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 120));
        Assert.False(state.Evaluate(50, 1.0));
        Assert.False(state.Evaluate(100, 2.0));
        Assert.False(state.Evaluate(150, 2.0));
        Assert.True(state.Evaluate(200, 2.0));
        Assert.Equal(50, state.BestStep);
    }

    [Fact]
    public void Every_N_counts_from_the_last_firing_not_from_multiples_of_N()
    {
        // A loop that only asks now and then: 60 fires (60 >= 50 + 0); 75 does not (75 < 50 + 60); 110 fires.
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 200));
        Assert.False(state.ShouldEvaluate(30));
        Assert.True(state.ShouldEvaluate(60));
        Assert.False(state.ShouldEvaluate(75));
        Assert.True(state.ShouldEvaluate(110));
        Assert.Equal(110, state.LastFiredStep);
    }

    [Fact]
    public void A_firing_is_recorded_so_asking_twice_fires_once()
    {
        // test_every_8_recovered_after_step_end: after post_step, step_begin at the same step does not fire.
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(8, 200));
        Assert.True(state.ShouldEvaluate(8));
        Assert.False(state.ShouldEvaluate(8));
        Assert.True(state.ShouldEvaluate(16));
    }

    // test_validation_monitor: every_n_steps=0, early_stopping_rounds=2; step 1 reuses step 0's
    // checkpoint, so TF skips its evaluation.
    [Fact]
    public void Matches_test_validation_monitor()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(0, 2), maxSteps: 100);
        Assert.Null(state.BestStep);
        Assert.False(state.EarlyStopped);

        Assert.True(state.ShouldEvaluate(0));
        Assert.False(state.Evaluate(0, 42.0));
        Assert.Equal(0, state.BestStep);
        Assert.Equal(42.0, state.BestValue);

        Assert.True(state.ShouldEvaluate(1)); // fires, but TF finds the same checkpoint and evaluates nothing
        Assert.Equal(0, state.BestStep);

        Assert.True(state.ShouldEvaluate(2));
        Assert.False(state.Evaluate(2, 40.0));
        Assert.Equal(2, state.BestStep);
        Assert.Equal(40.0, state.BestValue);

        Assert.True(state.ShouldEvaluate(3));
        Assert.False(state.Evaluate(3, 44.0));
        Assert.Equal(2, state.BestStep);

        Assert.True(state.ShouldEvaluate(4));
        Assert.True(state.Evaluate(4, 43.0));
        Assert.True(state.EarlyStopped);
        Assert.Equal(2, state.BestStep);
        Assert.Equal(40.0, state.BestValue);
    }

    [Fact]
    public void Maximising_keeps_the_highest_value()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(10, 20) { Metric = "accuracy", Minimize = false });
        Assert.False(state.Evaluate(10, 0.8));
        Assert.False(state.Evaluate(20, 0.9));
        Assert.False(state.Evaluate(30, 0.85));
        Assert.True(state.Evaluate(40, 0.9)); // a tie does not count: 40 - 20 >= 20
        Assert.Equal(20, state.BestStep);
        Assert.Equal(0.9, state.BestValue);
    }

    [Fact]
    public void Zero_rounds_stop_at_the_first_evaluation()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 0));
        Assert.True(state.Evaluate(50, 1.0));
        Assert.Equal(50, state.BestStep);
    }

    [Fact]
    public void NaN_values_never_improve_but_a_NaN_first_value_is_the_best()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(10, 20));
        Assert.False(state.Evaluate(10, 1.0));
        Assert.False(state.Evaluate(20, double.NaN));
        Assert.True(state.Evaluate(30, double.NaN));
        Assert.Equal(10, state.BestStep);

        state = new ValidationMonitorState(new ValidationMonitorAttribute(10, 20));
        Assert.False(state.Evaluate(10, double.NaN));
        Assert.False(state.Evaluate(20, 0.5));
        Assert.True(state.Evaluate(30, 0.1));
        Assert.Equal(10, state.BestStep);
        Assert.True(double.IsNaN(state.BestValue));
    }

    [Fact]
    public void Before_any_evaluation_there_is_no_best()
    {
        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 200));
        Assert.Null(state.BestStep);
        Assert.True(double.IsNaN(state.BestValue));
        Assert.Equal(0, state.LastFiredStep);
    }

    [Fact]
    public void Invalid_settings_and_steps_are_rejected()
    {
        AssertRejected(() => new ValidationMonitorState(new ValidationMonitorAttribute(-1, 200)), "settings", "EveryNSteps", "-1");
        AssertRejected(() => new ValidationMonitorState(new ValidationMonitorAttribute(50, -3)), "settings", "EarlyStoppingRounds", "-3");
        AssertRejected(() => new ValidationMonitorState(new ValidationMonitorAttribute(50, 200), maxSteps: -5), "maxSteps", "last step", "-5");
        Assert.Throws<ArgumentNullException>(() => new ValidationMonitorState(null!));

        var state = new ValidationMonitorState(new ValidationMonitorAttribute(50, 200), maxSteps: 100);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => state.ShouldEvaluate(-1)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => state.ShouldEvaluate(101)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => state.Evaluate(-1, 0)).ParamName);

        static void AssertRejected(Action create, string parameter, params string[] inMessage)
        {
            var error = Assert.Throws<ArgumentException>(create);
            Assert.Equal(parameter, error.ParamName);
            foreach (string text in inMessage) Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }
    }
}
