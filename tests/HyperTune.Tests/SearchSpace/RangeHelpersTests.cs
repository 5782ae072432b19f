using HyperTune.Generated;

namespace HyperTune.Tests.SearchSpace;

/// <summary>The runtime helpers generated code calls, tested once for every config.</summary>
public class RangeHelpersTests
{
    [Theory]
    [InlineData(1, 3, Scale.Linear)]
    [InlineData(-5, 5, Scale.Linear)]
    [InlineData(16, 512, Scale.Log)]
    [InlineData(1, 2, Scale.Log)]
    [InlineData(1, 1_000_000, Scale.Log)]
    public void Every_integer_of_a_range_round_trips_through_its_coordinate(long min, long max, Scale scale)
    {
        long step = Math.Max(1, (max - min) / 5000);
        for (long value = min; value <= max; value += step)
        {
            double unit = IntegerRange.Encode(value, min, max, scale);
            Assert.InRange(unit, 0, 1);
            Assert.Equal(value, IntegerRange.Decode(unit, min, max, scale));
        }

        Assert.Equal(min, IntegerRange.Decode(0, min, max, scale));
        Assert.Equal(max, IntegerRange.Decode(1, min, max, scale));
    }

    [Fact]
    public void Every_candidate_round_trips_through_its_coordinate()
    {
        for (int count = 1; count <= 50; count++)
        {
            for (int index = 0; index < count; index++)
            {
                Assert.Equal(index, Categorical.Decode(Categorical.Encode(index, count), count));
            }

            Assert.Equal(0, Categorical.Decode(0, count));
            Assert.Equal(count - 1, Categorical.Decode(1, count));
        }
    }

    [Fact]
    public void Log_integer_sampling_gives_each_integer_its_logarithmic_share()
    {
        // P(value <= 32) on 16..512 is ln(32.5 / 15.5) / ln(512.5 / 15.5) ≈ 0.2115 when log-uniform,
        // 17 / 497 ≈ 0.034 when uniform.
        var random = new Random(5);
        const int n = 20000;
        int small = Enumerable.Range(0, n).Count(_ => IntegerRange.Sample(random, 16, 512, Scale.Log) <= 32);
        double expected = Math.Log(32.5 / 15.5) / Math.Log(512.5 / 15.5);
        Assert.InRange((double)small / n, expected - 0.015, expected + 0.015);
    }

    [Fact]
    public void Linear_integer_sampling_is_uniform_and_inclusive()
    {
        var random = new Random(11);
        var counts = new int[3];
        for (int i = 0; i < 30000; i++)
        {
            counts[IntegerRange.Sample(random, 1, 3, Scale.Linear) - 1]++;
        }

        Assert.All(counts, static c => Assert.InRange(c, 9500, 10500));
    }

    [Fact]
    public void Continuous_decode_is_exact_at_the_bounds_and_inverts_encode()
    {
        Assert.Equal(0.00001, RealRange.Decode(0, 0.00001, 0.1, Scale.Log));
        Assert.Equal(0.1, RealRange.Decode(1, 0.00001, 0.1, Scale.Log));
        Assert.Equal(0.001, RealRange.Decode(RealRange.Encode(0.001, 0.00001, 0.1, Scale.Log), 0.00001, 0.1, Scale.Log), 15);
        Assert.Equal(0.25, RealRange.Decode(RealRange.Encode(0.25, 0, 1, Scale.Linear), 0, 1, Scale.Linear));
        Assert.Equal(0, RealRange.Encode(-3, 0, 1, Scale.Linear));
    }

    [Fact]
    public void Geometric_grid_of_several_decades_hits_every_power_of_ten()
    {
        Assert.Equal(new[] { 1e-6, 1e-5, 1e-4, 1e-3, 1e-2 }, RealRange.Grid(1e-6, 1e-2, Scale.Log, 5));
        Assert.Equal(new[] { 1.0, 10, 100, 1000 }, RealRange.Grid(1, 1000, Scale.Log, 4));
        Assert.Equal(new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }, RealRange.Grid(0, 1, Scale.Linear, 5));
    }

    [Fact]
    public void Dimension_factories_reject_impossible_spaces()
    {
        Assert.Throws<ArgumentException>(static () => Dimension.Continuous("x", typeof(double), 1, 1, Scale.Linear));
        Assert.Throws<ArgumentException>(static () => Dimension.Continuous("x", typeof(double), double.NaN, 1, Scale.Linear));
        Assert.Throws<ArgumentOutOfRangeException>(static () => Dimension.Continuous("x", typeof(double), 0, 1, Scale.Log));
        Assert.Throws<ArgumentException>(static () => Dimension.Categorical("x", typeof(int), Array.Empty<object?>()));
        Assert.Equal("x: integer [1, 3]", Dimension.Integer("x", typeof(int), 1, 3, Scale.Linear).ToString());
    }
}
