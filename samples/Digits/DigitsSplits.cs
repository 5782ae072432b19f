using HyperTune;

namespace Digits;

/// <summary>The main job's three splits, and the training data of the final model.</summary>
internal static class DigitsSplits
{
    /// <summary>64% to train, 16% to validate (the study's objective), 20% held out for the final test.</summary>
    public static (Dataset Train, Dataset Validation, Dataset Test) Split(Dataset data, int seed)
    {
        var (development, test) = data.Split(0.8, seed);
        var (train, validation) = development.Split(0.8, seed + 1);
        return (train, validation, test);
    }

    /// <summary>The rows of two classification datasets as one.</summary>
    public static Dataset Combine(Dataset first, Dataset second)
    {
        var rows = new float[first.Count + second.Count][];
        var labels = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var (data, row) = i < first.Count ? (first, i) : (second, i - first.Count);
            rows[i] = data.GetRow(row).ToArray();
            labels[i] = data.Labels[row];
        }

        return Dataset.Classification(rows, labels, first.ClassCount);
    }
}
