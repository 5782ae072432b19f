using System;

namespace HyperTune;

/// <summary>The three-way split of a dataset.</summary>
public sealed partial class Dataset
{
    /// <summary>
    /// Splits the rows at random into training, validation and test sets, as scikit-learn users do
    /// with two calls of <c>train_test_split</c>. A classification dataset is split per class
    /// (stratified) at both steps, so each class keeps its share in all three parts, to within a row
    /// or two. Rows keep their original order within each part.
    /// </summary>
    /// <param name="trainFraction">The share of rows for training, in (0, 1).</param>
    /// <param name="validationFraction">The share of rows for validation, in (0, 1); the test set gets the
    /// rest, so the two shares must add up to less than 1.</param>
    /// <param name="seed">The seed of the random assignment.</param>
    /// <returns>The three parts: disjoint, each at least one row, and together all the rows. The
    /// training set has round(<paramref name="trainFraction"/> x <see cref="Count"/>) rows and the
    /// validation set round(<paramref name="validationFraction"/> x <see cref="Count"/>) (half away
    /// from zero), each moved by a row when a part would otherwise be empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A share is not in (0, 1), or the two add up to 1 or more; the message names it and its value.</exception>
    /// <exception cref="InvalidOperationException">The dataset has fewer than three rows.</exception>
    public (Dataset Train, Dataset Validation, Dataset Test) Split(double trainFraction, double validationFraction, int seed)
    {
        if (!(trainFraction > 0 && trainFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "The training share must be strictly between 0 and 1.");
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation share must be strictly between 0 and 1.");
        if (!(trainFraction + validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, $"The training share {trainFraction} and the validation share {validationFraction} leave nothing for the test set; they must add up to less than 1.");
        if (Count < 3) throw new InvalidOperationException($"A dataset of {Count} rows cannot be split in three.");

        int trainCount = Math.Clamp((int)Math.Round(trainFraction * Count, MidpointRounding.AwayFromZero), 1, Count - 2);
        int validationCount = Math.Clamp((int)Math.Round(validationFraction * Count, MidpointRounding.AwayFromZero), 1, Count - trainCount - 1);

        // Two stratified two-way splits: training against the rest, then the rest into validation and
        // test. The fractions are chosen so that each split's rounding lands on the exact counts.
        var (trainRows, restRows) = DatasetSplitter.Split(this, (double)trainCount / Count, seed);
        var rest = Subset(restRows);
        var (validationInRest, testInRest) = DatasetSplitter.Split(rest, (double)validationCount / rest.Count, seed);
        return (Subset(trainRows), Subset(Map(restRows, validationInRest)), Subset(Map(restRows, testInRest)));
    }

    /// <summary>Rows of a subset, as rows of the dataset it was taken from; still in increasing order.</summary>
    private static int[] Map(int[] subsetRows, int[] rows)
    {
        var mapped = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++) mapped[i] = subsetRows[rows[i]];
        return mapped;
    }
}
