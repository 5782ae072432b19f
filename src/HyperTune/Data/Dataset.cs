using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace HyperTune;

/// <summary>
/// Rows of dense <see cref="float"/> features with an <see cref="int"/> class label each
/// (classification) or <see cref="TargetCount"/> <see cref="float"/> targets each (regression).
/// Features are stored contiguous and row-major, so a run of rows is one span a model reads
/// directly. A dataset is immutable: every operation that changes data returns a new one.
/// </summary>
/// <remarks>
/// Every value is checked when a dataset is made: rows must all have the same length, feature and
/// target values must be finite, and class labels must be non-negative. The exception names the
/// row and column at fault.
/// </remarks>
public sealed partial class Dataset
{
    private readonly float[] _features;
    private readonly int[]? _labels;
    private readonly float[]? _targets;

    private Dataset(float[] features, int count, int featureCount, int[]? labels, int classCount, float[]? targets, int targetCount)
    {
        _features = features;
        _labels = labels;
        _targets = targets;
        Count = count;
        FeatureCount = featureCount;
        ClassCount = classCount;
        TargetCount = targetCount;
    }

    /// <summary>Rows in the dataset.</summary>
    public int Count { get; }

    /// <summary>Features a row.</summary>
    public int FeatureCount { get; }

    /// <summary>Whether rows carry class labels or regression targets.</summary>
    public TaskKind Task => _labels is null ? TaskKind.Regression : TaskKind.Classification;

    /// <summary>
    /// Classes a classifier of this data must tell apart (the largest label plus one, unless given
    /// when the dataset was made; a split keeps its source's count even if a part lacks a class);
    /// 0 for regression.
    /// </summary>
    public int ClassCount { get; }

    /// <summary>Targets a row (regression); 0 for classification.</summary>
    public int TargetCount { get; }

    /// <summary>All features, row-major: <see cref="Count"/> x <see cref="FeatureCount"/> values.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>The class label of each row (classification); empty for regression.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The targets, row-major: <see cref="Count"/> x <see cref="TargetCount"/> values (regression); empty for classification.</summary>
    public ReadOnlySpan<float> Targets => _targets;

    /// <summary>The features of one row.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <returns>A view of <see cref="FeatureCount"/> values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row.</exception>
    public ReadOnlySpan<float> GetRow(int row)
    {
        if ((uint)row >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(row), row, $"The dataset has rows 0 to {Count - 1}.");
        return new ReadOnlySpan<float>(_features, row * FeatureCount, FeatureCount);
    }

    /// <summary>The storage, for the samplers and evaluators of this library, which never write to it.</summary>
    internal float[] FeatureArray => _features;

    internal int[]? LabelArray => _labels;

    internal float[]? TargetArray => _targets;

    /// <summary>Makes a classification dataset. The values are copied.</summary>
    /// <param name="features">One array of features per row; every row the same length, every value finite.</param>
    /// <param name="labels">The class of each row, 0-based. <see cref="ClassCount"/> is the largest plus one.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentException">The data is empty, ragged, not finite, or has a negative
    /// label, or the lengths differ; or the largest label lies far beyond the number of distinct
    /// labels (more than 2 x distinct + 16 classes: IDs or codes, not class indices; pass the class
    /// count if it is meant). The message names the row and column.</exception>
    public static Dataset Classification(float[][] features, int[] labels) => Classification(features, labels, classCount: null);

    /// <summary>
    /// Makes a classification dataset whose labels may not use every class (a validation file that
    /// lacks the rarest class, say). The values are copied.
    /// </summary>
    /// <param name="features">One array of features per row; every row the same length, every value finite.</param>
    /// <param name="labels">The class of each row, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentException">The data is empty, ragged, not finite, or has a label
    /// outside [0, <paramref name="classCount"/>), or the lengths differ; the message names the row
    /// and column.</exception>
    public static Dataset Classification(float[][] features, int[] labels, int classCount) => Classification(features, labels, (int?)classCount);

    private static Dataset Classification(float[][] features, int[] labels, int? classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.Length)
            throw new ArgumentException($"There are {features.Length} feature rows but {labels.Length} labels; each row needs one label.", nameof(labels));
        float[] flat = Flatten(features, nameof(features), out int featureCount);
        int[] copy = (int[])labels.Clone();
        return FromStorage(flat, features.Length, featureCount, copy, classCount, null, 0, nameof(labels));
    }

    /// <summary>Makes a regression dataset with one target a row. The values are copied.</summary>
    /// <param name="features">One array of features per row; every row the same length, every value finite.</param>
    /// <param name="targets">The target of each row, finite.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentException">The data is empty, ragged or not finite, or the lengths
    /// differ; the message names the row and column.</exception>
    public static Dataset Regression(float[][] features, float[] targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != features.Length)
            throw new ArgumentException($"There are {features.Length} feature rows but {targets.Length} targets; each row needs one target.", nameof(targets));
        float[] flat = Flatten(features, nameof(features), out int featureCount);
        return FromStorage(flat, features.Length, featureCount, null, null, (float[])targets.Clone(), 1, nameof(targets));
    }

    /// <summary>Makes a regression dataset with several targets a row (multi-output regression). The values are copied.</summary>
    /// <param name="features">One array of features per row; every row the same length, every value finite.</param>
    /// <param name="targets">One array of targets per row; every row the same length, every value finite.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentException">The data is empty, ragged or not finite, or the lengths
    /// differ; the message names the row and column.</exception>
    public static Dataset Regression(float[][] features, float[][] targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != features.Length)
            throw new ArgumentException($"There are {features.Length} feature rows but {targets.Length} target rows; each row needs its targets.", nameof(targets));
        float[] flat = Flatten(features, nameof(features), out int featureCount);
        float[] flatTargets = Flatten(targets, nameof(targets), out int targetCount);
        return FromStorage(flat, features.Length, featureCount, null, null, flatTargets, targetCount, nameof(targets));
    }

    /// <summary>
    /// Loads a comma-separated classification file without a header whose last column is the
    /// label (<see cref="CsvOptions.Default"/>), such as the digits data.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="CsvFormatException">A value cannot be read, or a line has the wrong number of
    /// columns; the message names the file, the 1-based line, the column and the offending text.</exception>
    public static Dataset FromCsv(string path) => FromCsv(path, CsvOptions.Default);

    /// <summary>
    /// Loads a dataset from a delimited text file: one row a line, the label (or target) in one
    /// column and every other column a feature.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The file's layout and the task.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="CsvFormatException">A value cannot be read, or a line has the wrong number of
    /// columns, or (for classification without <see cref="CsvOptions.ClassCount"/>) the labels are
    /// one class only or lie far beyond the number of distinct labels (an ID column); the message
    /// names the file, the 1-based line, the column and the offending text.</exception>
    /// <exception cref="ArgumentException">The label column that <paramref name="options"/> names does not exist in the file.</exception>
    public static Dataset FromCsv(string path, CsvOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        using var reader = new StreamReader(path);
        return CsvDatasetReader.Read(reader, path, options);
    }

    /// <summary>
    /// Loads a dataset whose features and labels (or targets) ship in two files with the same rows
    /// (scikit-learn's diabetes data, say): every column of <paramref name="featuresPath"/> is a
    /// feature, and the label column of <paramref name="labelsPath"/> (chosen by
    /// <paramref name="options"/>; the last by default) is the label. Both files share the layout
    /// <paramref name="options"/> describes.
    /// </summary>
    /// <param name="featuresPath">The file of features.</param>
    /// <param name="labelsPath">The file of labels or targets.</param>
    /// <param name="options">The files' layout and the task.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="CsvFormatException">A value cannot be read, a line has the wrong number of
    /// columns, or the files hold different numbers of rows; the message names the file, the line,
    /// the column and the offending text.</exception>
    /// <exception cref="ArgumentException">The label column that <paramref name="options"/> names does not exist in the file.</exception>
    public static Dataset FromCsv(string featuresPath, string labelsPath, CsvOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(featuresPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        ArgumentNullException.ThrowIfNull(options);
        using var features = new StreamReader(featuresPath);
        using var labels = new StreamReader(labelsPath);
        return CsvDatasetReader.Read(features, featuresPath, labels, labelsPath, options);
    }

    /// <summary>
    /// Splits the rows in two, at random but reproducibly: the same seed gives the same parts.
    /// A classification dataset is split per class (stratified), so each class keeps its share in
    /// both parts, to within one row. Rows keep their original order within each part.
    /// </summary>
    /// <param name="firstFraction">The share of rows for <c>First</c>, in (0, 1). <c>First</c> gets
    /// round(<paramref name="firstFraction"/> x <see cref="Count"/>) rows (half away from zero),
    /// and each part gets at least one.</param>
    /// <param name="seed">The seed of the random assignment.</param>
    /// <returns>The two parts: disjoint, and together all the rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstFraction"/> is not in (0, 1).</exception>
    /// <exception cref="InvalidOperationException">The dataset has fewer than two rows.</exception>
    public (Dataset First, Dataset Second) Split(double firstFraction, int seed)
    {
        if (!(firstFraction > 0 && firstFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(firstFraction), firstFraction, "The first part's share must be strictly between 0 and 1.");
        if (Count < 2) throw new InvalidOperationException($"A dataset of {Count} row cannot be split in two.");
        var (first, second) = DatasetSplitter.Split(this, firstFraction, seed);
        return (Subset(first), Subset(second));
    }

    /// <summary>The given rows, in the given order, as a new dataset with this one's class count.</summary>
    internal Dataset Subset(ReadOnlySpan<int> rows)
    {
        var features = new float[rows.Length * FeatureCount];
        int[]? labels = _labels is null ? null : new int[rows.Length];
        float[]? targets = _targets is null ? null : new float[rows.Length * TargetCount];
        for (int i = 0; i < rows.Length; i++)
        {
            int row = rows[i];
            Array.Copy(_features, row * FeatureCount, features, i * FeatureCount, FeatureCount);
            if (labels is not null) labels[i] = _labels![row];
            if (targets is not null) Array.Copy(_targets!, row * TargetCount, targets, i * TargetCount, TargetCount);
        }
        return new Dataset(features, rows.Length, FeatureCount, labels, ClassCount, targets, TargetCount);
    }

    /// <summary>The same labels or targets with other features (already checked), for standardisation.</summary>
    internal Dataset WithFeatures(float[] features) => new(features, Count, FeatureCount, _labels, ClassCount, _targets, TargetCount);

    /// <summary>The same features with other targets (already checked), for target standardisation.</summary>
    internal Dataset WithTargets(float[] targets) => new(_features, Count, FeatureCount, _labels, ClassCount, targets, TargetCount);

    /// <summary>
    /// Makes a dataset over flat storage that the caller hands over, after checking every value.
    /// <paramref name="classCount"/> null means the largest label plus one.
    /// </summary>
    internal static Dataset FromStorage(float[] features, int count, int featureCount, int[]? labels, int? classCount, float[]? targets, int targetCount, string labelParameter)
    {
        if (count == 0) throw new ArgumentException("A dataset needs at least one row.", labelParameter);
        CheckFinite(features, featureCount, "features", "feature");
        int classes = 0;
        if (labels is not null)
        {
            if (classCount is { } declared && declared < 1)
                throw new ArgumentOutOfRangeException(nameof(classCount), declared, "A classification dataset needs at least one class.");
            int max = -1;
            for (int row = 0; row < labels.Length; row++)
            {
                int label = labels[row];
                if (label < 0)
                    throw new ArgumentException($"Row {row} has the negative label {label}; class labels are 0-based indices.", labelParameter);
                if (classCount is { } limit && label >= limit)
                    throw new ArgumentException($"Row {row} has the label {label}, but there are {limit} classes (labels 0 to {limit - 1}).", labelParameter);
                if (label > max) max = label;
            }
            if (classCount is null && CheckLabelSpread(labels, refuseSingleClass: false, out int largest) is { } problem)
                throw new ArgumentException($"Row {largest} has the label {labels[largest]}: {problem} Or pass the class count (Dataset.Classification(features, labels, classCount)).", labelParameter);
            classes = classCount ?? max + 1;
        }
        if (targets is not null) CheckFinite(targets, targetCount, labelParameter, "target");
        return new Dataset(features, count, featureCount, labels, classes, targets, targetCount);
    }

    /// <summary>
    /// Why <paramref name="labels"/> cannot be class indices when the class count is the largest
    /// label plus one, with the row of the largest label; null when they can. The largest label must
    /// not lie far beyond the number of distinct labels (more than 2 x distinct + 16 classes is an ID
    /// or code column, not classes; <c>int.MaxValue</c> would overflow the count), and more than one
    /// class must appear when <paramref name="refuseSingleClass"/> (a file: a dataset made from arrays
    /// may be an evaluation set of one class), except in a one-row dataset.
    /// </summary>
    internal static string? CheckLabelSpread(IReadOnlyList<int> labels, bool refuseSingleClass, out int row)
    {
        row = 0;
        if (labels.Count == 0) return null;
        var distinct = new HashSet<int>();
        for (int i = 0; i < labels.Count; i++)
        {
            distinct.Add(labels[i]);
            if (labels[i] > labels[row]) row = i;
        }
        long classes = (long)labels[row] + 1;
        if (classes > (2L * distinct.Count) + 16)
        {
            return $"the largest label is {labels[row]}, so the labels would make {classes} classes, but only {distinct.Count} distinct labels appear. " +
                "Class labels are 0-based class indices (0 to k - 1): if the column holds IDs or codes, map them to 0..k - 1 first.";
        }
        if (refuseSingleClass && distinct.Count == 1 && labels.Count > 1)
        {
            return $"every one of the {labels.Count} rows has the label {labels[row]}: a single class leaves a classifier nothing to tell apart. " +
                "If this is one part of a larger set, declare the class count.";
        }
        return null;
    }

    private static float[] Flatten(float[][] rows, string parameter, out int width)
    {
        if (rows.Length == 0) throw new ArgumentException("A dataset needs at least one row.", parameter);
        if (rows[0] is null) throw new ArgumentException("Row 0 is null.", parameter);
        width = rows[0].Length;
        if (width == 0) throw new ArgumentException("Row 0 is empty; a row needs at least one value.", parameter);
        var flat = new float[rows.Length * width];
        for (int row = 0; row < rows.Length; row++)
        {
            float[] values = rows[row] ?? throw new ArgumentException($"Row {row} is null.", parameter);
            if (values.Length != width)
                throw new ArgumentException($"Row {row} has {values.Length} values but row 0 has {width}; every row needs the same number.", parameter);
            values.CopyTo(flat, row * width);
        }
        return flat;
    }

    private static void CheckFinite(float[] values, int width, string parameter, string what)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Row {i / width}, {what} column {i % width} is {values[i].ToString(CultureInfo.InvariantCulture)}; every {what} value must be finite.",
                    parameter);
            }
        }
    }

    /// <summary>A one-line description: rows, features and task.</summary>
    /// <returns>For example "1797 rows x 64 features, classification (10 classes)".</returns>
    public override string ToString() => Task == TaskKind.Classification
        ? $"{Count} rows x {FeatureCount} features, classification ({ClassCount} classes)"
        : $"{Count} rows x {FeatureCount} features, regression ({TargetCount} target{(TargetCount == 1 ? "" : "s")})";
}
