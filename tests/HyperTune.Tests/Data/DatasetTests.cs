namespace HyperTune.Tests.Data;

/// <summary>Making datasets from arrays: storage, copies and the checks that name the row and column.</summary>
public class DatasetTests
{
    [Fact]
    public void Classification_stores_rows_contiguously_and_copies_its_input()
    {
        float[][] features = [[1, 2], [3, 4], [5, 6]];
        int[] labels = [2, 0, 1];

        var data = Dataset.Classification(features, labels);
        features[0][0] = 99;
        labels[0] = 7;

        Assert.Equal((3, 2, 3, TaskKind.Classification), (data.Count, data.FeatureCount, data.ClassCount, data.Task));
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], data.Features.ToArray());
        Assert.Equal([3f, 4f], data.GetRow(1).ToArray());
        Assert.Equal([2, 0, 1], data.Labels.ToArray());
    }

    [Fact]
    public void Class_count_is_the_largest_label_plus_one_or_as_declared()
    {
        Assert.Equal(4, Dataset.Classification([[0f], [0f]], [3, 0]).ClassCount);
        Assert.Equal(10, Dataset.Classification([[0f], [0f]], [3, 0], classCount: 10).ClassCount);
    }

    [Fact]
    public void Regression_with_one_or_several_targets()
    {
        var single = Dataset.Regression([[1f], [2f]], [0.5f, -1f]);
        Assert.Equal((TaskKind.Regression, 1, 0), (single.Task, single.TargetCount, single.ClassCount));
        Assert.Equal([0.5f, -1f], single.Targets.ToArray());

        var multi = Dataset.Regression([[1f], [2f]], [[1f, 2f, 3f], [4f, 5f, 6f]]);
        Assert.Equal(3, multi.TargetCount);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], multi.Targets.ToArray());
        Assert.Equal("2 rows x 1 features, regression (3 targets)", multi.ToString());
    }

    [Fact]
    public void Ragged_row_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f, 2f], [3f, 4f], [5f]], [0, 0, 0]));
        Assert.Equal("features", error.ParamName);
        Assert.StartsWith("Row 2 has 1 values but row 0 has 2", error.Message);
    }

    [Fact]
    public void Null_row_is_named()
        => Assert.StartsWith("Row 1 is null", Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f], null!], [0, 0])).Message);

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Non_finite_feature_names_row_and_column(float value, string shown)
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f, 2f, 3f], [4f, 5f, 6f], [7f, 8f, value]], [0, 1, 0]));
        Assert.StartsWith($"Row 2, feature column 2 is {shown}; every feature value must be finite.", error.Message);
    }

    [Fact]
    public void Non_finite_target_names_row_and_column()
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.Regression([[1f], [2f]], [[1f, 2f], [3f, float.NaN]]));
        Assert.StartsWith("Row 1, target column 1 is NaN", error.Message);
        Assert.Equal("targets", error.ParamName);
    }

    [Fact]
    public void Negative_label_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f], [2f], [3f]], [0, 1, -4]));
        Assert.StartsWith("Row 2 has the negative label -4", error.Message);
        Assert.Equal("labels", error.ParamName);
    }

    [Fact]
    public void Label_beyond_the_declared_class_count_is_named()
        => Assert.StartsWith("Row 1 has the label 3, but there are 3 classes", Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f], [2f]], [0, 3], classCount: 3)).Message);

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.StartsWith("There are 2 feature rows but 3 labels", Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f], [2f]], [0, 1, 1])).Message);
        Assert.StartsWith("There are 2 feature rows but 1 targets", Assert.Throws<ArgumentException>(() => Dataset.Regression([[1f], [2f]], [1f])).Message);
        Assert.StartsWith("There are 1 feature rows but 2 target rows", Assert.Throws<ArgumentException>(() => Dataset.Regression([[1f]], [[1f], [2f]])).Message);
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        Assert.Contains("at least one row", Assert.Throws<ArgumentException>(() => Dataset.Classification([], [])).Message);
        Assert.Contains("at least one value", Assert.Throws<ArgumentException>(() => Dataset.Classification([[]], [0])).Message);
    }

    [Fact]
    public void Row_outside_the_dataset_is_rejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Dataset.Classification([[1f]], [0]).GetRow(1));
}
