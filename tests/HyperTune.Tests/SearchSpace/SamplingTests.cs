namespace HyperTune.Tests.SearchSpace;

public class SamplingTests
{
    [Fact]
    public void Samples_stay_within_bounds_and_validate()
    {
        var random = new Random(1234);
        for (int i = 0; i < 5000; i++)
        {
            var config = DigitsConfig.SearchSpace.Sample(random);
            DigitsConfig.SearchSpace.Validate(config);
            Assert.InRange(config.LearningRate, 0.00001, 0.1);
            Assert.InRange(config.HiddenLayers, 1, 3);
            Assert.InRange(config.HiddenUnits, 16, 512);
            Assert.InRange(config.Seed, 1, 1_000_000);
            Assert.Equal(100, config.Epochs);
        }
    }

    [Fact]
    public void Integer_ranges_reach_both_bounds()
    {
        var random = new Random(7);
        var layers = Enumerable.Range(0, 600).Select(_ => DigitsConfig.SearchSpace.Sample(random).HiddenLayers).ToHashSet();
        Assert.Equal(new HashSet<int> { 1, 2, 3 }, layers);

        var units = Enumerable.Range(0, 20000).Select(_ => DigitsConfig.SearchSpace.Sample(random).HiddenUnits).ToArray();
        Assert.Contains(16, units);
        Assert.Contains(512, units);
    }

    [Fact]
    public void Template_supplies_fixed_settings_inactive_dimensions_and_epochs()
    {
        var template = new DigitsConfig { Name = "kept", Momentum = 0.123, Epochs = 20 };
        var random = new Random(99);
        for (int i = 0; i < 500; i++)
        {
            var config = DigitsConfig.SearchSpace.Sample(random, template);
            Assert.Equal("kept", config.Name);
            Assert.Equal(20, config.Epochs);
            if (config.Optimizer is not (OptimizerKind.Momentum or OptimizerKind.Nesterov))
            {
                Assert.Equal(0.123, config.Momentum);
            }
            else
            {
                Assert.InRange(config.Momentum, 0.5, 0.99);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Epochs_outside_one_to_max_in_the_template_become_max(int epochs)
    {
        var config = DigitsConfig.SearchSpace.Sample(new Random(1), new DigitsConfig { Epochs = epochs });
        Assert.Equal(100, config.Epochs);
    }

    [Fact]
    public void Record_template_is_copied_with_with()
    {
        var config = LearningRateOnly.SearchSpace.Sample(new Random(3), new LearningRateOnly { Fixed = 3 });
        Assert.Equal(3, config.Fixed);
    }

    [Fact]
    public void Same_seed_gives_the_same_samples()
    {
        var a = Enumerable.Range(0, 50).Select(_ => 0).Select((_, i) => i).ToArray();
        var first = new Random(42);
        var second = new Random(42);
        foreach (int _ in a)
        {
            Assert.Equal(DigitsConfig.SearchSpace.Sample(first).LearningRate, DigitsConfig.SearchSpace.Sample(second).LearningRate);
        }
    }

    /// <summary>
    /// Kolmogorov–Smirnov test of log10(learning rate) against the uniform law on [-5, -1], with a
    /// fixed seed. The critical value at α = 0.001 is 1.95/√n; a linear sampler's statistic is about
    /// 0.7, so the test fails if sampling is not log-uniform.
    /// </summary>
    [Fact]
    public void Log_scale_sampling_is_log_uniform()
    {
        const int n = 20000;
        var random = new Random(20240601);
        var logs = Enumerable.Range(0, n).Select(_ => Math.Log10(LearningRateOnly.SearchSpace.Sample(random).LearningRate)).ToArray();
        double critical = 1.95 / Math.Sqrt(n);

        Assert.True(KolmogorovSmirnov(logs, -5, -1) < critical, $"D = {KolmogorovSmirnov(logs, -5, -1)} >= {critical}");

        // The same statistic rejects a linear sampler on the same range: the test can fail.
        var linear = new Random(20240601);
        var linearLogs = Enumerable.Range(0, n).Select(_ => Math.Log10(0.00001 + (linear.NextDouble() * (0.1 - 0.00001)))).ToArray();
        Assert.True(KolmogorovSmirnov(linearLogs, -5, -1) > 0.5);
    }

    private static double KolmogorovSmirnov(double[] values, double min, double max)
    {
        var sorted = values.OrderBy(static v => v).ToArray();
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double cdf = (sorted[i] - min) / (max - min);
            d = Math.Max(d, Math.Max(((i + 1.0) / sorted.Length) - cdf, cdf - ((double)i / sorted.Length)));
        }

        return d;
    }
}
