namespace HyperTune.Tests.Data;

/// <summary>The three-way split and min-max scaling (issue 10, section 5).</summary>
public class DatasetSplitsTests
{
    [Fact]
    public void A_three_way_split_is_disjoint_complete_sized_and_stratified()
    {
        var digits = TestData.Digits();
        var (train, validation, test) = digits.Split(0.6, 0.2, seed: 7);
        Assert.Equal((1078, 359, 360), (train.Count, validation.Count, test.Count));

        var rows = new HashSet<string>();
        foreach (var part in new[] { train, validation, test })
        {
            for (int r = 0; r < part.Count; r++) rows.Add(string.Join(",", part.GetRow(r).ToArray()) + "|" + part.Labels[r]);
        }

        var all = new HashSet<string>();
        for (int r = 0; r < digits.Count; r++) all.Add(string.Join(",", digits.GetRow(r).ToArray()) + "|" + digits.Labels[r]);
        Assert.Equal(all, rows);

        // Each class keeps its share in every part, to within two rows.
        for (int label = 0; label < 10; label++)
        {
            double share = digits.Labels.ToArray().Count(l => l == label) / (double)digits.Count;
            foreach (var part in new[] { train, validation, test })
            {
                int count = part.Labels.ToArray().Count(l => l == label);
                Assert.InRange(count, (share * part.Count) - 2, (share * part.Count) + 2);
            }
        }

        var again = digits.Split(0.6, 0.2, seed: 7);
        Assert.Equal(validation.Features.ToArray(), again.Validation.Features.ToArray());
    }

    [Fact]
    public void A_three_way_split_rejects_shares_that_leave_no_test_set()
    {
        var data = Dataset.Regression(new[] { new[] { 1f }, new[] { 2f }, new[] { 3f } }, new[] { 1f, 2f, 3f });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(0.7, 0.3, seed: 1));
        Assert.Equal("validationFraction", error.ParamName);
        Assert.Contains("0.7", error.Message, StringComparison.Ordinal);
        var (a, b, c) = data.Split(0.4, 0.3, seed: 1);
        Assert.Equal((1, 1, 1), (a.Count, b.Count, c.Count));
        Assert.Throws<InvalidOperationException>(() => Dataset.Regression(new[] { new[] { 1f }, new[] { 2f } }, new[] { 1f, 2f }).Split(0.4, 0.3, 1));
    }

    [Fact]
    public void Min_max_scaling_maps_each_training_range_onto_0_1_and_constant_columns_to_0()
    {
        var data = Dataset.Regression(new[] { new[] { 2f, 5f, -1f }, new[] { 4f, 5f, 3f }, new[] { 6f, 5f, 1f } }, new[] { 0f, 1f, 2f });
        var scaling = Standardization.FitMinMax(data);
        var scaled = scaling.Apply(data);
        Assert.Equal(new[] { 0f, 0f, 0f, 0.5f, 0f, 1f, 1f, 0f, 0.5f }, scaled.Features.ToArray());
        Assert.Null(Standardization.Fit(data, InputScaling.None));
    }

    [Fact]
    public void A_feature_constant_up_to_round_off_is_constant_by_scikit_learns_rule()
    {
        // Variance at the level of the rounding error of its own computation: scaled by 1, not blown up.
        Assert.True(Standardization.IsConstantFeature(variance: 1e-20, mean: 1e3, count: 1000));
        Assert.False(Standardization.IsConstantFeature(variance: 1e-6, mean: 1e3, count: 1000));
    }
}
