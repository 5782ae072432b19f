namespace HyperTune.Tests.Data;

/// <summary><see cref="Dataset.Split"/>: sizes, stratification, determinism, disjointness.</summary>
public class SplitTests
{
    /// <summary>Row i carries the unique feature value i, so a part's rows can be traced back.</summary>
    private static Dataset Traceable(int[] labels)
        => Dataset.Classification(labels.Select((_, i) => new[] { (float)i, -i }).ToArray(), labels);

    private static int[] SourceRows(Dataset part) => Enumerable.Range(0, part.Count).Select(r => (int)part.GetRow(r)[0]).ToArray();

    [Fact]
    public void Digits_split_keeps_every_class_share_to_within_a_row()
    {
        Dataset digits = TestData.Digits();
        var (train, validation) = digits.Split(0.8, seed: 42);

        Assert.Equal(1438, train.Count); // round(0.8 x 1797) = round(1437.6)
        Assert.Equal(359, validation.Count);
        Assert.Equal(10, train.ClassCount);
        Assert.Equal(10, validation.ClassCount);
        int[] total = CountPerClass(digits), first = CountPerClass(train), second = CountPerClass(validation);
        for (int c = 0; c < 10; c++)
        {
            double quota = total[c] * 1438.0 / 1797;
            Assert.InRange(first[c], Math.Floor(quota), Math.Ceiling(quota));
            Assert.Equal(total[c], first[c] + second[c]);
        }
    }

    [Fact]
    public void Parts_are_disjoint_cover_every_row_and_keep_row_order()
    {
        int[] labels = Enumerable.Range(0, 101).Select(i => i % 3 == 0 ? 2 : i % 7 == 0 ? 1 : 0).ToArray();
        var (first, second) = Traceable(labels).Split(0.3, seed: 7);

        int[] a = SourceRows(first), b = SourceRows(second);
        Assert.Empty(a.Intersect(b));
        Assert.Equal(Enumerable.Range(0, 101), a.Concat(b).Order());
        Assert.Equal(a.Order(), a);
        Assert.Equal(b.Order(), b);
        // Each row keeps its own label and its second feature.
        for (int r = 0; r < first.Count; r++)
        {
            Assert.Equal(labels[a[r]], first.Labels[r]);
            Assert.Equal(-a[r], first.GetRow(r)[1]);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_parts_and_another_seed_other_parts()
    {
        Dataset digits = TestData.Digits();
        var (a1, b1) = digits.Split(0.75, 3);
        var (a2, b2) = digits.Split(0.75, 3);
        var (a3, _) = digits.Split(0.75, 4);

        Assert.Equal(a1.Features.ToArray(), a2.Features.ToArray());
        Assert.Equal(a1.Labels.ToArray(), a2.Labels.ToArray());
        Assert.Equal(b1.Features.ToArray(), b2.Features.ToArray());
        Assert.NotEqual(a1.Features.ToArray(), a3.Features.ToArray());
    }

    [Fact]
    public void Stratification_holds_for_a_skewed_binary_set()
    {
        // 90 of class 0, 10 of class 1: a 50/50 split must put exactly 5 of class 1 on each side.
        int[] labels = Enumerable.Range(0, 100).Select(i => i < 90 ? 0 : 1).ToArray();
        for (int seed = 0; seed < 20; seed++)
        {
            var (first, second) = Traceable(labels).Split(0.5, seed);
            Assert.Equal(5, first.Labels.ToArray().Count(l => l == 1));
            Assert.Equal(5, second.Labels.ToArray().Count(l => l == 1));
        }
    }

    [Fact]
    public void Different_seeds_choose_different_rows_of_a_class()
    {
        int[] labels = new int[200];
        var chosen = Enumerable.Range(0, 10).Select(seed => string.Join(",", SourceRows(Traceable(labels).Split(0.5, seed).First))).ToHashSet();
        Assert.Equal(10, chosen.Count);
    }

    [Fact]
    public void Regression_split_has_the_rounded_size_and_is_reproducible()
    {
        Dataset diabetes = TestData.Diabetes();
        var (train, test) = diabetes.Split(0.7, seed: 1);
        Assert.Equal((309, 133), (train.Count, test.Count)); // round(309.4)
        Assert.Equal(train.Targets.ToArray(), diabetes.Split(0.7, seed: 1).First.Targets.ToArray());
        double sum = train.Targets.ToArray().Sum(t => (double)t) + test.Targets.ToArray().Sum(t => (double)t);
        Assert.Equal(diabetes.Targets.ToArray().Sum(t => (double)t), sum, 6);
    }

    [Fact]
    public void A_part_that_lacks_a_class_keeps_the_class_count()
    {
        var (first, second) = Dataset.Classification([[0f], [1f], [2f]], [0, 0, 5]).Split(0.5, 0);
        Assert.Equal(6, first.ClassCount);
        Assert.Equal(6, second.ClassCount);
    }

    [Theory]
    [InlineData(0.001, 1)]
    [InlineData(0.999, 9)]
    public void Each_part_gets_at_least_one_row(double fraction, int expectedFirst)
        => Assert.Equal(expectedFirst, Dataset.Regression(Enumerable.Range(0, 10).Select(i => new[] { (float)i }).ToArray(), new float[10]).Split(fraction, 0).First.Count);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Fraction_outside_the_open_unit_interval_is_rejected(double fraction)
        => Assert.Equal("firstFraction", Assert.Throws<ArgumentOutOfRangeException>(() => TestData.Digits().Split(fraction, 0)).ParamName);

    [Fact]
    public void One_row_cannot_be_split()
        => Assert.Throws<InvalidOperationException>(() => Dataset.Classification([[1f]], [0]).Split(0.5, 0));

    private static int[] CountPerClass(Dataset data)
    {
        var counts = new int[data.ClassCount];
        foreach (int label in data.Labels) counts[label]++;
        return counts;
    }
}
