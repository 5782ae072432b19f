namespace HyperTune.Tests.SearchSpace;

public partial class DimensionsTests
{
    [Fact]
    public void Dimensions_describe_the_space_in_property_order_without_epochs()
    {
        var dimensions = DigitsConfig.SearchSpace.Dimensions;
        Assert.Equal(DigitsConfig.SearchSpace.DimensionCount, dimensions.Count);
        Assert.Equal(
            new[] { "LearningRate", "BatchSize", "HiddenLayers", "HiddenUnits", "Optimizer", "Momentum", "WeightDecay", "Dropout", "Beta1", "Seed", "Activation", "Shuffle" },
            dimensions.Select(static d => d.Name));

        var learningRate = dimensions[0];
        Assert.Equal(DimensionKind.Continuous, learningRate.Kind);
        Assert.Equal((0.00001, 0.1, Scale.Log), (learningRate.Min, learningRate.Max, learningRate.Scale));
        Assert.Equal(typeof(double), learningRate.ValueType);
        Assert.Equal("LearningRate: continuous [1E-05, 0.1] log", learningRate.ToString());

        Assert.Equal(DimensionKind.Integer, dimensions[2].Kind);
        Assert.Equal(new object[] { 32, 64, 128, 256 }, dimensions[1].Candidates);
        Assert.Equal(typeof(float), dimensions[6].ValueType);

        var momentum = dimensions[5];
        Assert.True(momentum.IsConditional);
        Assert.Equal("Optimizer", momentum.Condition!.Dimension);
        Assert.Equal(new object[] { OptimizerKind.Momentum, OptimizerKind.Nesterov }, momentum.Condition.Values);
        Assert.Equal("Momentum: continuous [0.5, 0.99] when Optimizer in {Momentum, Nesterov}", momentum.ToString());
    }

    [Fact]
    public void Fingerprint_is_stable()
    {
        // A literal: the hash must be the same on every build and machine. It was checked
        // independently: SHA-256 of "hypertune-search-space/1\nLearningRate;Continuous;double;log;
        // 3EE4F8B588E368F1;3FB999999999999A\n" (the bounds as IEEE-754 bits). Change it only with the
        // canonical description, and say so: stored studies will see a new space.
        Assert.Equal("3fd8e4c12544159a9f8951236a8aa6151b9fc31dfce741c6689ac66dff64c30f", LearningRateOnly.SearchSpace.Fingerprint);
    }

    [Fact]
    public void Fingerprint_follows_the_space_not_the_type()
    {
        Assert.Equal(LearningRateOnly.SearchSpace.Fingerprint, SameSpace.SearchSpace.Fingerprint);
        Assert.NotEqual(LearningRateOnly.SearchSpace.Fingerprint, WiderBound.SearchSpace.Fingerprint);
        Assert.NotEqual(LearningRateOnly.SearchSpace.Fingerprint, LinearScale.SearchSpace.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", DigitsConfig.SearchSpace.Fingerprint);
    }

    public partial record SameSpace
    {
        [LearningRate(0.00001, 0.1, Scale.Log)]
        public double LearningRate { get; init; }
    }

    public partial record WiderBound
    {
        [LearningRate(0.2, 0.00001, Scale.Log)]
        public double LearningRate { get; init; }
    }

    public partial record LinearScale
    {
        [LearningRate(0.1, 0.00001)]
        public double LearningRate { get; init; }
    }
}
