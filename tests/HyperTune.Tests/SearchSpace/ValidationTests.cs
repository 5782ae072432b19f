namespace HyperTune.Tests.SearchSpace;

public class ValidationTests
{
    private static DigitsConfig Valid() => new()
    {
        LearningRate = 0.01, BatchSize = 64, HiddenLayers = 2, HiddenUnits = 100, Optimizer = OptimizerKind.Momentum,
        Momentum = 0.9, WeightDecay = 1e-4f, Dropout = 0.2f, Beta1 = 0.9, Seed = 5, Activation = "tanh", Shuffle = false, Epochs = 10,
    };

    [Fact]
    public void A_valid_config_passes() => DigitsConfig.SearchSpace.Validate(Valid());

    [Fact]
    public void Out_of_range_value_names_the_property_value_and_range()
    {
        var config = Valid();
        config.LearningRate = 0.5;
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Validate(config));
        Assert.Equal("config", exception.ParamName);
        Assert.Contains("DigitsConfig.LearningRate is 0.5, outside its range [1E-05, 0.1]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_candidate_names_the_candidates()
    {
        var config = Valid();
        config.BatchSize = 48;
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Validate(config));
        Assert.Contains("DigitsConfig.BatchSize is 48, which is not one of its candidates {32, 64, 128, 256}", exception.Message, StringComparison.Ordinal);

        config = Valid();
        config.Activation = "gelu";
        exception = Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Validate(config));
        Assert.Contains("\"gelu\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inactive_conditional_dimension_is_not_checked()
    {
        var config = Valid();
        config.Optimizer = OptimizerKind.Adam;
        config.Momentum = 42;
        DigitsConfig.SearchSpace.Validate(config);

        config.Optimizer = OptimizerKind.Nesterov;
        Assert.Contains("DigitsConfig.Momentum", Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Validate(config)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Epochs_must_be_between_one_and_max(int epochs)
    {
        var config = Valid();
        config.Epochs = epochs;
        Assert.Contains("DigitsConfig.Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Validate(config)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Float_bounds_are_compared_as_floats()
    {
        var config = Valid();
        config.WeightDecay = (float)1e-6; // a little below 1E-06 as a double
        DigitsConfig.SearchSpace.Validate(config);
        config.WeightDecay = float.NaN;
        Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Validate(config));
    }

    [Fact]
    public void Null_config_is_rejected() =>
        Assert.Throws<ArgumentNullException>(static () => DigitsConfig.SearchSpace.Validate(null!));
}
