namespace HyperTune.Tests.SearchSpace;

/// <summary>
/// Grid counts that the HT0007 analyzer computes on its own (it cannot call the runtime) and must
/// agree with: its GridCounterTests pin the same figures.
/// </summary>
public class GridCountAgreementTests
{
    [Fact]
    public void A_log_integer_range_drops_the_duplicates_rounding_makes()
    {
        Assert.Equal(4, LogIntegers.SearchSpace.CountGrid(5));
        Assert.Equal(new[] { 1, 2, 4, 6 }, LogIntegers.SearchSpace.Grid(5).Select(c => c.HiddenUnits));
    }
}

/// <summary>A log-scale integer range narrow enough for rounding to collide.</summary>
public partial class LogIntegers
{
    [HiddenUnits(1, 6, Scale.Log)] public int HiddenUnits { get; set; } = 1;
}
