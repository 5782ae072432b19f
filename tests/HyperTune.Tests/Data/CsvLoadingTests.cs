namespace HyperTune.Tests.Data;

/// <summary>Loading the bundled real datasets, each in its own layout.</summary>
public class CsvLoadingTests
{
    [Fact]
    public void Digits_loads_1797_rows_of_64_pixels_in_10_classes()
    {
        Dataset digits = TestData.Digits();

        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.FeatureCount);
        Assert.Equal(TaskKind.Classification, digits.Task);
        Assert.Equal(10, digits.ClassCount);
        Assert.Equal(0, digits.TargetCount);
        Assert.Equal(1797 * 64, digits.Features.Length);
        Assert.True(digits.Targets.IsEmpty);

        int[] perClass = new int[10];
        foreach (int label in digits.Labels) perClass[label]++;
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], perClass);
        Assert.All(perClass, n => Assert.InRange(n, 174, 183));

        // First row of the file: 0,0,5,13,9,1,0,0, ... label 0.
        Assert.Equal([0f, 0f, 5f, 13f, 9f, 1f, 0f, 0f], digits.GetRow(0)[..8].ToArray());
        Assert.Equal(0, digits.Labels[0]);
        // Last row ends 14,12,1,0 with label 8.
        Assert.Equal([14f, 12f, 1f, 0f], digits.GetRow(1796)[60..].ToArray());
        Assert.Equal(8, digits.Labels[1796]);
        foreach (float pixel in digits.Features) Assert.InRange(pixel, 0f, 16f);
    }

    [Fact]
    public void Breast_cancer_skips_its_metadata_line()
    {
        Dataset cancer = TestData.BreastCancer();

        Assert.Equal(569, cancer.Count);
        Assert.Equal(30, cancer.FeatureCount);
        Assert.Equal(2, cancer.ClassCount);
        Assert.Equal(212, cancer.Labels.ToArray().Count(l => l == 0));
        Assert.Equal(357, cancer.Labels.ToArray().Count(l => l == 1));
        Assert.Equal(17.99f, cancer.GetRow(0)[0]);
        Assert.Equal([7.76f, 24.54f, 47.92f], cancer.GetRow(568)[..3].ToArray());
        Assert.Equal(0.07039f, cancer.GetRow(568)[29]);
        Assert.Equal(1, cancer.Labels[568]);
    }

    [Fact]
    public void Breast_cancer_metadata_line_read_as_a_header_is_reported_as_too_short()
    {
        var error = Assert.Throws<CsvFormatException>(() => Dataset.FromCsv(
            TestData.PathOf("breast_cancer.csv"), CsvOptions.Default with { HasHeader = true }));

        Assert.Equal(2, error.Line);
        Assert.Contains("31 columns, but the header (line 1) has 4", error.Message);
    }

    [Fact]
    public void Breast_cancer_without_skipping_reports_the_metadata_line_s_first_class_name()
    {
        var error = Assert.Throws<CsvFormatException>(() => Dataset.FromCsv(TestData.PathOf("breast_cancer.csv")));
        Assert.Equal((1, 2, "malignant"), (error.Line, error.ColumnIndex, error.Text));
        Assert.EndsWith("breast_cancer.csv, line 1, column 2: the feature \"malignant\" cannot be read as a number.", error.Message);
    }

    [Fact]
    public void Diabetes_loads_space_separated_features_and_targets_from_two_files()
    {
        Dataset diabetes = TestData.Diabetes();

        Assert.Equal(442, diabetes.Count);
        Assert.Equal(10, diabetes.FeatureCount);
        Assert.Equal(TaskKind.Regression, diabetes.Task);
        Assert.Equal(1, diabetes.TargetCount);
        Assert.Equal(0, diabetes.ClassCount);
        Assert.True(diabetes.Labels.IsEmpty);
        Assert.Equal([59f, 2f, 32.1f, 101f, 157f, 93.2f, 38f, 4f, 4.8598f, 87f], diabetes.GetRow(0).ToArray());
        Assert.Equal([36f, 1f, 19.6f, 71f, 250f, 133.2f, 97f, 3f, 4.5951f, 92f], diabetes.GetRow(441).ToArray());
        Assert.Equal(151f, diabetes.Targets[0]);
        Assert.Equal(57f, diabetes.Targets[441]);
        Assert.Equal(152.13348416289594, diabetes.Targets.ToArray().Average(t => (double)t), 9);
    }

    [Fact]
    public void Diabetes_targets_alone_load_as_a_one_column_label_file_with_the_features_file_mismatched_in_rows()
    {
        string shortTargets = Path.Combine(Path.GetTempPath(), $"ht-short-targets-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(shortTargets, File.ReadAllLines(TestData.PathOf("diabetes_target.csv")).Take(440));
        try
        {
            var error = Assert.Throws<CsvFormatException>(() => Dataset.FromCsv(
                TestData.PathOf("diabetes_data_raw.csv"), shortTargets, CsvOptions.Default with { Separator = null, Task = TaskKind.Regression }));
            Assert.Equal(shortTargets, error.Path);
            Assert.Equal(440, error.Line);
            Assert.Contains("ends after 440 rows", error.Message);
            Assert.Contains("diabetes_data_raw.csv has 442", error.Message);
        }
        finally
        {
            File.Delete(shortTargets);
        }
    }

    [Fact]
    public void Digits_dataset_describes_itself()
        => Assert.Equal("1797 rows x 64 features, classification (10 classes)", TestData.Digits().ToString());
}
