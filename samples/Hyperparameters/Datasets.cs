using HyperTune;

namespace Hyperparameters;

/// <summary>The three bundled datasets (see data/README.md), read from the sample's output folder.</summary>
internal sealed class Datasets
{
    private Datasets(Dataset digits, Dataset breastCancer, Dataset diabetes)
    {
        Digits = digits;
        BreastCancer = breastCancer;
        Diabetes = diabetes;
    }

    /// <summary>UCI digits: 1,797 8x8 images, 10 classes.</summary>
    public Dataset Digits { get; }

    /// <summary>Wisconsin diagnostic breast cancer: 569 rows, 30 features, 2 classes.</summary>
    public Dataset BreastCancer { get; }

    /// <summary>Efron et al.'s diabetes: 442 rows, 10 raw features, disease progression as the target.</summary>
    public Dataset Diabetes { get; }

    public static Datasets Load(string folder)
    {
        var digits = Dataset.FromCsv(Path.Combine(folder, "digits.csv"));
        // Line 1 of scikit-learn's file is "569,30,malignant,benign": counts and class names, not data.
        var cancer = Dataset.FromCsv(Path.Combine(folder, "breast_cancer.csv"), CsvOptions.Default with { SkipLines = 1 });
        var diabetes = Dataset.FromCsv(
            Path.Combine(folder, "diabetes_data_raw.csv"),
            Path.Combine(folder, "diabetes_target.csv"),
            CsvOptions.Default with { Separator = null, Task = TaskKind.Regression });
        return new Datasets(digits, cancer, diabetes);
    }

    /// <summary>The first <paramref name="rows"/> rows of a stratified shuffle of <paramref name="data"/> (all of it when it has fewer).</summary>
    public static Dataset Take(Dataset data, int rows, int seed) =>
        rows >= data.Count ? data : data.Split((double)rows / data.Count, seed).First;

    /// <summary>
    /// Splits a regression set in two and standardises its target with the first part's mean and
    /// standard deviation (features are standardised by Train itself), so that a mean squared error
    /// of 1 is what always predicting the training mean scores.
    /// </summary>
    public static (Dataset Train, Dataset Validation, double TargetMean, double TargetScale) SplitRegression(Dataset data, double trainFraction, int seed)
    {
        var (train, validation) = data.Split(trainFraction, seed);
        double mean = 0;
        foreach (float t in train.Targets) mean += t;
        mean /= train.Count;
        double variance = 0;
        foreach (float t in train.Targets) variance += (t - mean) * (t - mean);
        double scale = Math.Sqrt(variance / train.Count);
        return (Rescale(train, mean, scale), Rescale(validation, mean, scale), mean, scale);
    }

    private static Dataset Rescale(Dataset data, double mean, double scale)
    {
        var rows = new float[data.Count][];
        var targets = new float[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            rows[i] = data.GetRow(i).ToArray();
            targets[i] = (float)((data.Targets[i] - mean) / scale);
        }

        return Dataset.Regression(rows, targets);
    }
}
