namespace HyperTune.Tests.SearchSpace;

public class GridTests
{
    [Fact]
    public void Log_learning_rate_grid_is_exactly_the_decades()
    {
        var grid = LearningRateOnly.SearchSpace.Grid().Select(static c => c.LearningRate).ToArray();

        Assert.Equal(new[] { 0.00001, 0.0001, 0.001, 0.01, 0.1 }, grid);
        Assert.Equal(5, LearningRateOnly.SearchSpace.CountGrid());
    }

    [Fact]
    public void Grid_copies_the_fixed_settings_of_a_new_config()
    {
        Assert.All(LearningRateOnly.SearchSpace.Grid(), static c => Assert.Equal(7, c.Fixed));
    }

    [Fact]
    public void Linear_grid_spreads_points_evenly_between_exact_bounds()
    {
        var grid = Outer.Inner.SearchSpace.Grid(4).Select(static c => c.LearningRate).ToArray();

        Assert.Equal(new[] { 0.0001, 0.001, 0.01, 0.1 }, grid);
        var momentum = HyperTune.Generated.RealRange.Grid(0.5, 0.99, Scale.Linear, 5);
        Assert.Equal(new[] { 0.5, 0.6225, 0.745, 0.8675, 0.99 }, momentum);
    }

    [Fact]
    public void Integer_grids_round_dedupe_and_include_both_bounds()
    {
        Assert.Equal(new long[] { 1, 2, 3 }, HyperTune.Generated.IntegerRange.Grid(1, 3, Scale.Linear, 5));
        Assert.Equal(new long[] { 16, 38, 91, 215, 512 }, HyperTune.Generated.IntegerRange.Grid(16, 512, Scale.Log, 5));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, HyperTune.Generated.IntegerRange.Grid(1, 4, Scale.Log, 9));
        Assert.Equal(4, HyperTune.Generated.IntegerRange.CountGrid(1, 4, Scale.Log, 9));
        Assert.Equal(new long[] { 0, 25, 50, 75, 100 }, HyperTune.Generated.IntegerRange.Grid(0, 100, Scale.Linear, 5));
    }

    [Fact]
    public void Grid_order_is_first_dimension_outermost_and_respects_the_condition()
    {
        var grid = StructConfig.SearchSpace.Grid(3)
            .Select(static c => (c.Mode, c.Strength, c.Width))
            .ToArray();

        var expected = new[]
        {
            (1, 0.25, 8), (1, 0.25, 16), (1, 0.25, 32),
            (2, 0.0, 8), (2, 0.0, 16), (2, 0.0, 32),
            (2, 0.5, 8), (2, 0.5, 16), (2, 0.5, 32),
            (2, 1.0, 8), (2, 1.0, 16), (2, 1.0, 32),
        };
        Assert.Equal(expected, grid);
    }

    [Theory]
    [InlineData(2, 9)]
    [InlineData(3, 12)]
    [InlineData(5, 18)]
    public void Conditional_count_sums_over_the_parent_values(int pointsPerRange, long expected)
    {
        // Mode 1: Strength inactive (1 way); Mode 2: pointsPerRange ways; times 3 widths.
        Assert.Equal(expected, StructConfig.SearchSpace.CountGrid(pointsPerRange));
        Assert.Equal(expected, StructConfig.SearchSpace.Grid(pointsPerRange).LongCount());
    }

    [Fact]
    public void Digits_count_matches_the_enumerated_grid()
    {
        // 2 lr × 4 batch × 2 layers × 2 units × (Sgd 1 + Momentum 2 + Nesterov 2 + Adam 1) × 2 × 2 × 2 × 2 seed × 3 × 2
        const long expected = 2 * 4 * 2 * 2 * 6 * 2 * 2 * 2 * 2 * 3 * 2;
        Assert.Equal(expected, DigitsConfig.SearchSpace.CountGrid(2));
        Assert.Equal(expected, DigitsConfig.SearchSpace.Grid(2).LongCount());
        Assert.All(DigitsConfig.SearchSpace.Grid(2).Take(2000), DigitsConfig.SearchSpace.Validate);
    }

    [Fact]
    public void Grid_is_deterministic()
    {
        var first = DigitsConfig.SearchSpace.Grid(2).Take(500).Select(Describe).ToArray();
        var second = DigitsConfig.SearchSpace.Grid(2).Take(500).Select(Describe).ToArray();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Count_past_long_MaxValue_throws_OverflowException()
    {
        // (2^31 - 1)^5 points: far beyond long.MaxValue.
        var exception = Assert.Throws<OverflowException>(static () => HugeConfig.SearchSpace.CountGrid(int.MaxValue));
        Assert.Contains("9223372036854775807", exception.Message, StringComparison.Ordinal);

        // 6000^5 = 7.8e18 still fits.
        Assert.Equal(7_776_000_000_000_000_000L, HugeConfig.SearchSpace.CountGrid(6000));
    }

    [Fact]
    public void Fewer_than_two_points_per_range_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(static () => LearningRateOnly.SearchSpace.Grid(1));
        Assert.Throws<ArgumentOutOfRangeException>(static () => LearningRateOnly.SearchSpace.CountGrid(0));
    }

    private static string Describe(DigitsConfig c) =>
        FormattableString.Invariant($"{c.LearningRate}|{c.BatchSize}|{c.HiddenLayers}|{c.HiddenUnits}|{c.Optimizer}|{c.Momentum}|{c.WeightDecay}|{c.Dropout}|{c.Beta1}|{c.Seed}|{c.Activation}|{c.Shuffle}|{c.Epochs}");
}
