namespace HyperTune.Tests.Policies;

/// <summary>Drives a <see cref="LearningRateSchedule"/> the way PyTorch's tests drive a scheduler.</summary>
internal static class ScheduleRun
{
    /// <summary>
    /// The rate of each epoch 0..epochs-1, read before the epoch's <c>EndEpoch</c>: PyTorch's
    /// <c>_test</c> helper (assert <c>param_groups[0]["lr"]</c>, then <c>scheduler.step()</c>).
    /// </summary>
    public static double[] RatesByEpoch(LearningRateDecayAttribute decay, double initialLearningRate, int epochs)
    {
        var schedule = LearningRateSchedule.Create(decay, initialLearningRate);
        var rates = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Assert.Equal(epoch, schedule.Epoch);
            rates[epoch] = schedule.LearningRate;
            schedule.EndEpoch();
        }

        return rates;
    }

    /// <summary>
    /// The rate after each <c>EndEpoch(metric)</c>: PyTorch's <c>_test_reduce_lr_on_plateau</c>
    /// helper (<c>scheduler.step(metrics[epoch])</c>, then assert the rate).
    /// </summary>
    public static double[] RatesAfterEachStep(LearningRateSchedule schedule, IReadOnlyList<double> metrics)
    {
        var rates = new double[metrics.Count];
        for (int epoch = 0; epoch < metrics.Count; epoch++)
        {
            schedule.EndEpoch(metrics[epoch]);
            rates[epoch] = schedule.LearningRate;
        }

        return rates;
    }

    /// <summary>Exact, element by element, with the epoch of the first difference in the message.</summary>
    public static void AssertExactly(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"Epoch {i}: expected {expected[i]:R}, got {actual[i]:R}.");
        }
    }

    /// <summary>PyTorch's own tolerance for its scheduler tests: <c>atol=1e-5, rtol=0</c>.</summary>
    public static void AssertWithinPyTorchTolerance(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= 1e-5))
                Assert.Fail($"Epoch {i}: expected {expected[i]:R}, got {actual[i]:R}.");
        }
    }

    public static double[] Repeat(params (double Value, int Count)[] runs) =>
        runs.SelectMany(run => Enumerable.Repeat(run.Value, run.Count)).ToArray();
}
