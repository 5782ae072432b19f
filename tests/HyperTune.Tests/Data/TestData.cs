namespace HyperTune.Tests.Data;

/// <summary>The real datasets the test project copies to its output directory (see Data/README.md).</summary>
public static class TestData
{
    /// <summary>The full path of a bundled data file, such as "digits.csv".</summary>
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Data", fileName);

    /// <summary>scikit-learn's digits: 1797 rows x 64 pixels, 10 classes.</summary>
    public static Dataset Digits() => Dataset.FromCsv(PathOf("digits.csv"));

    /// <summary>scikit-learn's breast cancer data: 569 rows x 30 features, 2 classes.</summary>
    public static Dataset BreastCancer() => Dataset.FromCsv(PathOf("breast_cancer.csv"), CsvOptions.Default with { SkipLines = 1 });

    /// <summary>scikit-learn's diabetes data, raw: 442 rows x 10 features, one regression target.</summary>
    public static Dataset Diabetes() => Dataset.FromCsv(
        PathOf("diabetes_data_raw.csv"),
        PathOf("diabetes_target.csv"),
        CsvOptions.Default with { Separator = null, Task = TaskKind.Regression });
}
