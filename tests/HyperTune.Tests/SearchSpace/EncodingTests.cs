using CsCheck;

namespace HyperTune.Tests.SearchSpace;

public class EncodingTests
{
    private static readonly Gen<DigitsConfig> s_validDigits =
        from learningRate in Gen.Double[0.00001, 0.1]
        from batchSize in Gen.OneOfConst(32, 64, 128, 256)
        from hiddenLayers in Gen.Int[1, 3]
        from hiddenUnits in Gen.Int[16, 512]
        from optimizer in Gen.OneOfConst(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Nesterov, OptimizerKind.Adam)
        from momentum in Gen.Double[0.5, 0.99]
        from weightDecay in Gen.Float[(float)1e-6, (float)1e-2]
        from dropout in Gen.Float[0f, 0.5f]
        from beta1 in Gen.Double[0.5, 0.999]
        from seed in Gen.Long[1, 1_000_000]
        from activation in Gen.OneOfConst("relu", "tanh", "sigmoid")
        from shuffle in Gen.Bool
        from epochs in Gen.Int[1, 100]
        select new DigitsConfig
        {
            LearningRate = learningRate, BatchSize = batchSize, HiddenLayers = hiddenLayers, HiddenUnits = hiddenUnits,
            Optimizer = optimizer, Momentum = momentum, WeightDecay = weightDecay, Dropout = dropout, Beta1 = beta1,
            Seed = seed, Activation = activation, Shuffle = shuffle, Epochs = epochs, Name = "n" + seed,
        };

    [Fact]
    public void Decode_of_Encode_gives_every_valid_config_back()
    {
        s_validDigits.Sample(config =>
        {
            Span<double> unit = stackalloc double[DigitsConfig.SearchSpace.DimensionCount];
            DigitsConfig.SearchSpace.Encode(config, unit);
            foreach (double coordinate in unit)
            {
                Assert.InRange(coordinate, 0, 1);
            }

            var decoded = DigitsConfig.SearchSpace.Decode(unit, config);
            AssertClose(config.LearningRate, decoded.LearningRate);
            AssertClose(config.Momentum, decoded.Momentum);
            AssertClose(config.Beta1, decoded.Beta1);
            Assert.Equal(config.WeightDecay, decoded.WeightDecay);
            Assert.Equal(config.Dropout, decoded.Dropout);
            Assert.Equal(config.BatchSize, decoded.BatchSize);
            Assert.Equal(config.HiddenLayers, decoded.HiddenLayers);
            Assert.Equal(config.HiddenUnits, decoded.HiddenUnits);
            Assert.Equal(config.Optimizer, decoded.Optimizer);
            Assert.Equal(config.Seed, decoded.Seed);
            Assert.Equal(config.Activation, decoded.Activation);
            Assert.Equal(config.Shuffle, decoded.Shuffle);
            Assert.Equal(config.Epochs, decoded.Epochs);
            Assert.Equal(config.Name, decoded.Name);
        }, iter: 5000);
    }

    [Fact]
    public void Decode_lands_every_unit_point_on_a_valid_config_that_round_trips()
    {
        Gen.Double[0, 1].Array[DigitsConfig.SearchSpace.DimensionCount].Sample(unit =>
        {
            var config = DigitsConfig.SearchSpace.Decode(unit);
            DigitsConfig.SearchSpace.Validate(config);
            var again = new double[unit.Length];
            DigitsConfig.SearchSpace.Encode(config, again);
            var back = DigitsConfig.SearchSpace.Decode(again, config);
            AssertClose(config.LearningRate, back.LearningRate);
            Assert.Equal(config.HiddenUnits, back.HiddenUnits);
            Assert.Equal(config.Optimizer, back.Optimizer);
        }, iter: 5000);
    }

    [Fact]
    public void Struct_config_round_trips()
    {
        Gen.Select(Gen.OneOfConst(1, 2), Gen.Double[0, 1], Gen.OneOfConst(8, 16, 32)).Sample((mode, strength, width) =>
        {
            var config = new StructConfig { Mode = mode, Strength = strength, Width = width, Label = "x" };
            Span<double> unit = stackalloc double[StructConfig.SearchSpace.DimensionCount];
            StructConfig.SearchSpace.Encode(config, unit);
            var decoded = StructConfig.SearchSpace.Decode(unit, config);
            Assert.Equal(config, decoded);
        });
    }

    [Fact]
    public void Encoding_places_categoricals_at_the_middle_of_their_share_and_log_ranges_in_the_logarithm()
    {
        var config = new DigitsConfig
        {
            LearningRate = 0.001, BatchSize = 64, HiddenLayers = 1, HiddenUnits = 16, Optimizer = OptimizerKind.Adam,
            Momentum = 5, WeightDecay = 1e-4f, Dropout = 0, Beta1 = 0.5, Seed = 1, Activation = "relu", Shuffle = true, Epochs = 1,
        };
        var unit = new double[DigitsConfig.SearchSpace.DimensionCount];
        DigitsConfig.SearchSpace.Encode(config, unit);

        Assert.Equal(0.5, unit[0], 12);          // 0.001 is the middle of 1E-05 … 0.1 in the logarithm
        Assert.Equal(1.5 / 4, unit[1], 15);      // 64 is candidate 1 of 4
        Assert.Equal(3.5 / 4, unit[4], 15);      // Adam is candidate 3 of 4
        Assert.Equal(0.5, unit[5]);              // Momentum is inactive for Adam: fixed coordinate, value not checked
    }

    [Fact]
    public void Inactive_dimension_decodes_to_the_template_value()
    {
        var template = new DigitsConfig { Momentum = 0.42 };
        var unit = Enumerable.Repeat(0.99, DigitsConfig.SearchSpace.DimensionCount).ToArray(); // Optimizer = Adam
        var config = DigitsConfig.SearchSpace.Decode(unit, template);
        Assert.Equal(OptimizerKind.Adam, config.Optimizer);
        Assert.Equal(0.42, config.Momentum);
    }

    [Fact]
    public void Bad_unit_vectors_are_rejected_with_the_dimension_named()
    {
        Assert.Throws<ArgumentException>(static () => DigitsConfig.SearchSpace.Decode(new double[3]));
        var unit = new double[DigitsConfig.SearchSpace.DimensionCount];
        unit[3] = 1.5;
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => DigitsConfig.SearchSpace.Decode(unit));
        Assert.Contains("HiddenUnits", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(static () => LearningRateOnly.SearchSpace.Encode(new LearningRateOnly { LearningRate = 0.01 }, new double[2]));
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Abs(expected), $"{expected:R} != {actual:R}");
}
