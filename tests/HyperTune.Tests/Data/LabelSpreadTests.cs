namespace HyperTune.Tests.Data;

/// <summary>Class counts come from the labels only when the labels can be class indices.</summary>
public class LabelSpreadTests
{
    private static Dataset Read(string text, CsvOptions? options = null)
    {
        using var reader = new StringReader(text);
        return CsvDatasetReader.Read(reader, "mem.csv", options ?? CsvOptions.Default);
    }

    [Fact]
    public void An_id_column_as_labels_is_refused_naming_the_column()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("id,x,y\n1000000,1,0\n17,2,1\n42,3,0\n", CsvOptions.Default with { HasHeader = true, LabelColumnIndex = 0 }));

        Assert.StartsWith("mem.csv, line 2, column 0 (\"id\"): the largest label is 1000000, so the labels would make 1000001 classes, but only 3 distinct labels appear.", error.Message);
        Assert.Contains("map them to 0..k - 1", error.Message);
        Assert.Contains("LabelColumnIndex or LabelColumnName", error.Message);
        Assert.Equal((2, 0, "id"), (error.Line, error.ColumnIndex, error.ColumnName));
    }

    [Fact]
    public void The_largest_int_label_does_not_overflow_the_class_count()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read($"1,0\n2,{int.MaxValue - 1}\n"));
        Assert.Contains($"would make {int.MaxValue} classes", error.Message);
        Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f], [2f]], [0, int.MaxValue]));
    }

    [Fact]
    public void Arrays_with_labels_far_beyond_their_distinct_count_are_refused_unless_the_count_is_given()
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.Classification([[1f], [2f], [3f]], [0, 1, 1_000_000]));
        Assert.StartsWith("Row 2 has the label 1000000: the largest label is 1000000", error.Message);
        Assert.Equal("labels", error.ParamName);

        Assert.Equal(1_000_001, Dataset.Classification([[1f], [2f], [3f]], [0, 1, 1_000_000], classCount: 1_000_001).ClassCount);
    }

    [Fact]
    public void A_single_class_file_is_refused_at_load()
    {
        var error = Assert.Throws<CsvFormatException>(() => Read("1,3\n2,3\n3,3\n"));
        Assert.StartsWith("mem.csv, line 1, column 1: every one of the 3 rows has the label 3: a single class", error.Message);

        // Declared as one part of a larger set, it loads.
        Assert.Equal(4, Read("1,3\n2,3\n3,3\n", CsvOptions.Default with { ClassCount = 4 }).ClassCount);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 }, 3)]
    [InlineData(new[] { 1, 2 }, 3)]          // 1-based labels: class 0 is unused, still fine
    [InlineData(new[] { 0, 9 }, 10)]         // a few classes missing from a small split
    [InlineData(new[] { 0, 5, 19 }, 20)]     // 2 x 3 + 16 = 22 classes allowed
    public void Labels_with_gaps_still_load(int[] labels, int classes)
    {
        float[][] features = labels.Select(l => new[] { (float)l }).ToArray();
        Assert.Equal(classes, Dataset.Classification(features, labels).ClassCount);
    }
}
