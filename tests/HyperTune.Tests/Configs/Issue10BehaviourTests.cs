using HyperTune.Generated;

namespace HyperTune.Tests.Configs;

/// <summary>Issue 10: configs mean what they say, and what PyTorch and scikit-learn users port can be written.</summary>
public class Issue10BehaviourTests
{
    private static Dataset Xor() => Dataset.Classification(
        new[] { new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f }, new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f } },
        new[] { 0, 1, 1, 0, 0, 1, 1, 0 });

    private static readonly TrainOptions Options = new() { Seed = 3 };

    [Fact]
    public void Positional_record_parameters_are_dimensions_and_the_record_trains()
    {
        Assert.Equal(2, RecordConfig.SearchSpace.DimensionCount);
        var sampled = RecordConfig.SearchSpace.Sample(new Random(1));
        Assert.Equal("run", sampled.Name);
        Assert.Equal(3, sampled.Epochs);
        Assert.Equal("kept", RecordConfig.SearchSpace.Sample(new Random(1), new RecordConfig(0.01, 2, 3, "kept")).Name);
        var result = sampled.Train(Xor(), Xor(), Options);
        Assert.Equal(3, result.History.Count);
    }

    [Fact]
    public void A_derived_config_tunes_its_bases_dimensions_and_trains_with_its_own_batch_size()
    {
        Assert.Equal(new[] { "LearningRate", "BatchSize" }, DerivedTrainConfig.SearchSpace.Dimensions.Select(d => d.Name));
        DerivedTrainConfig sampled = DerivedTrainConfig.SearchSpace.Sample(new Random(2));
        Assert.Equal(2, sampled.Epochs);
        var result = new DerivedTrainConfig { BatchSize = 2 }.Train(Xor(), null, Options);
        Assert.Equal(4, result.History[0].Step); // 8 rows in batches of 2, not the base's hard-coded 32.
    }

    [Fact]
    public void Sample_and_Decode_keep_every_member_they_do_not_tune()
    {
        var template = new TemplateConfig();
        template.Tags.Add("baseline");
        template.SetSecret(42);
        template.SetOwner("ana");

        var sampled = TemplateConfig.SearchSpace.Sample(new Random(3), template);
        var decoded = TemplateConfig.SearchSpace.Decode(new[] { 0.25 }, template);
        foreach (var config in new[] { sampled, decoded })
        {
            Assert.NotSame(template, config);
            Assert.Equal(new[] { "baseline" }, config.Tags);
            Assert.Equal(42, config.Secret);
            Assert.Equal("ana", config.Owner);
        }

        Assert.Equal(0.25, decoded.A, 12);
    }

    [Fact]
    public void Fixed_values_are_settings_that_Train_uses()
    {
        Assert.Equal(new[] { "Other" }, FixedConfig.SearchSpace.Dimensions.Select(d => d.Name));
        var sampled = FixedConfig.SearchSpace.Sample(new Random(4));
        Assert.Equal((0.05, 4, OptimizerKind.Adam, 16), (sampled.LearningRate, sampled.BatchSize, sampled.Optimizer, sampled.HiddenUnits));

        // A config whose properties were never set still trains with the attributes' values.
        var result = new FixedConfig().Train(Xor(), null, Options);
        Assert.Equal(0.05, result.History[0].LearningRate);
        Assert.Equal(2, result.History[0].Step); // Batches of 4.
        Assert.Equal(16, Assert.IsType<DenseNetwork>(result.Model.Network).HiddenUnits);
    }

    [Fact]
    public void Momentum_without_an_optimizer_trains_SGD_with_momentum()
    {
        var alone = new MomentumOnlyConfig().Train(Xor(), null, Options).History.Select(r => r.TrainLoss).ToArray();
        var spelled = new ExplicitMomentumConfig().Train(Xor(), null, Options).History.Select(r => r.TrainLoss).ToArray();
        var plain = new PlainSgdConfig().Train(Xor(), null, Options).History.Select(r => r.TrainLoss).ToArray();
        Assert.Equal(spelled, alone);
        Assert.NotEqual(plain, alone);
    }

    [Fact]
    public void Without_a_learning_rate_Train_uses_the_optimisers_default()
    {
        Assert.Equal(0.001, new NoRateConfig { Optimizer = OptimizerKind.Adam }.Train(Xor(), Xor(), Options).History[0].LearningRate);
        Assert.Equal(0.01, new NoRateConfig { Optimizer = OptimizerKind.Sgd }.Train(Xor(), Xor(), Options).History[0].LearningRate);
    }

    [Fact]
    public void Without_epochs_StopAtStep_bounds_training()
    {
        var result = new StepBoundConfig().Train(Xor(), null, Options);
        Assert.Equal(StopReason.StopAtStep, result.StopReason);
        Assert.Equal(10, result.History[^1].Step);
        Assert.Equal(3, result.History.Count); // Epochs of 4 steps: 4, 8, then 2 of the third.
    }

    [Fact]
    public void Hidden_layers_shrink_and_Adam_betas_and_epsilon_reach_the_optimiser()
    {
        var baseline = new PortedConfig().Train(Xor(), null, Options);
        Assert.Equal(new[] { 8, 4 }, Assert.IsType<DenseNetwork>(baseline.Model.Network).HiddenWidths.ToArray());

        var sameAsDefaults = new PortedConfig { Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8 }.Train(Xor(), null, Options);
        Assert.Equal(baseline.History.Select(r => r.TrainLoss), sameAsDefaults.History.Select(r => r.TrainLoss));
        foreach (var changed in new[] { new PortedConfig { Beta1 = 0.5 }, new PortedConfig { Beta2 = 0.9 }, new PortedConfig { Epsilon = 1e-2 } })
        {
            Assert.NotEqual(baseline.History.Select(r => r.TrainLoss), changed.Train(Xor(), null, Options).History.Select(r => r.TrainLoss));
        }
    }

    [Fact]
    public void Input_scaling_is_chosen_per_config()
    {
        var data = Dataset.Classification(
            new[] { new[] { 0f, 10f }, new[] { 2f, 30f }, new[] { 4f, 20f }, new[] { 8f, 40f } },
            new[] { 0, 1, 0, 1 });
        Assert.Null(new PortedConfig { Scaling = InputScaling.None }.Train(data, null, Options).Model.Standardization);

        var minMax = new PortedConfig { Scaling = InputScaling.MinMax }.Train(data, null, Options).Model.Standardization!;
        Assert.Equal(new[] { 0.0, 10.0 }, minMax.Means.ToArray());
        Assert.Equal(new[] { 8.0, 30.0 }, minMax.Scales.ToArray());

        var standardized = new PortedConfig { Scaling = InputScaling.Standardize }.Train(data, null, Options).Model.Standardization!;
        Assert.Equal(3.5, standardized.Means[0], 12);
    }

    [Fact]
    public void A_range_whose_span_overflows_a_double_encodes_and_decodes_finitely()
    {
        var config = new ExtremeConfig { Wide = 0, Name = "a" };
        Span<double> unit = stackalloc double[ExtremeConfig.SearchSpace.DimensionCount];
        ExtremeConfig.SearchSpace.Encode(config, unit);
        Assert.Equal(0.5, unit[0], 12);
        Assert.Equal(0.0, ExtremeConfig.SearchSpace.Decode(unit).Wide, 0);
        Assert.Equal(1.7e308, RealRange.Decode(1, -1.7e308, 1.7e308, Scale.Linear));
        double sampled = ExtremeConfig.SearchSpace.Sample(new Random(5)).Wide;
        Assert.True(double.IsFinite(sampled) && sampled >= -1.7e308 && sampled <= 1.7e308, sampled.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(RealRange.Grid(-1.7e308, 1.7e308, Scale.Linear, 5), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void A_null_candidate_is_sampled_and_validated()
    {
        var names = Enumerable.Range(0, 60).Select(i => ExtremeConfig.SearchSpace.Sample(new Random(i)).Name).ToHashSet();
        Assert.Contains(null, names);
        Assert.Contains("a", names);
    }
}
