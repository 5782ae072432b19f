using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HyperTune.Numerics;

namespace HyperTune;

/// <summary>
/// Per-feature standardisation, as scikit-learn's <c>StandardScaler</c>: fitted on the training
/// set (each feature's mean and population standard deviation), then applied unchanged to every
/// other set and to each row predicted, so no statistic of validation or test data leaks into training.
/// </summary>
/// <remarks>
/// A feature whose standard deviation is (numerically) zero gets a scale of 1, so it becomes 0
/// after centring rather than NaN; the threshold is scikit-learn's, ten machine epsilons of a
/// <see cref="double"/>. Statistics are computed in <see cref="double"/> with two passes.
/// </remarks>
public sealed partial class Standardization
{
    private const double ConstantThreshold = 10 * 2.220446049250313e-16;

    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly double[] _inverseScales;

    private Standardization(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
        _inverseScales = new double[scales.Length];
        for (int j = 0; j < scales.Length; j++) _inverseScales[j] = 1.0 / scales[j];
    }

    /// <summary>Columns a row this standardisation expects: features, or targets for one made by <see cref="FitTargets"/>.</summary>
    public int FeatureCount => _means.Length;

    /// <summary>The mean of each feature on the fitted data.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>What each centred feature is divided by: its population standard deviation on the fitted data, or 1 for a constant feature.</summary>
    public ReadOnlySpan<double> Scales => _scales;

    /// <summary>Fits the mean and standard deviation of every feature of <paramref name="data"/>.</summary>
    /// <param name="data">The training set.</param>
    /// <returns>The fitted standardisation.</returns>
    public static Standardization Fit(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(data.Features, data.Count, data.FeatureCount);
    }

    /// <summary>
    /// Fits the mean and standard deviation of every regression target of <paramref name="data"/>,
    /// so that targets of any scale train as well as targets of scale 1: the training loop learns
    /// standardised targets, and a <see cref="TrainedModel"/> turns its outputs back with <see cref="Invert"/>.
    /// </summary>
    /// <param name="data">The training set, for regression.</param>
    /// <returns>The fitted standardisation, one entry a target.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is for classification.</exception>
    public static Standardization FitTargets(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Task != TaskKind.Regression)
            throw new ArgumentException($"Only regression targets are standardised; the dataset is for {data.Task}.", nameof(data));
        return Fit(data.Targets, data.Count, data.TargetCount);
    }

    /// <summary>A standardisation of stored statistics (a saved model's), checked: as many means as scales, every scale finite and above 0, every mean finite.</summary>
    internal static Standardization FromStatistics(double[] means, double[] scales)
    {
        if (means.Length != scales.Length || means.Length == 0)
            throw new ArgumentException($"{means.Length} means and {scales.Length} scales: a standardisation needs one of each per column, at least one column.");
        for (int j = 0; j < means.Length; j++)
        {
            if (!double.IsFinite(means[j])) throw new ArgumentException($"The mean of column {j} is {means[j]}; it must be finite.");
            if (!(scales[j] > 0) || !double.IsFinite(scales[j])) throw new ArgumentException($"The scale of column {j} is {scales[j]}; it must be finite and above 0.");
        }
        return new Standardization(means, scales);
    }

    private static Standardization Fit(ReadOnlySpan<float> rows, int count, int width)
    {
        var means = new double[width];
        var scales = new double[width];
        for (int row = 0; row < count; row++) AddRow(rows.Slice(row * width, width), means);
        for (int j = 0; j < width; j++) means[j] /= count;
        for (int row = 0; row < count; row++) AddSquaredDeviations(rows.Slice(row * width, width), means, scales);
        for (int j = 0; j < width; j++)
        {
            double variance = scales[j] / count;
            double deviation = Math.Sqrt(variance);
            scales[j] = deviation < ConstantThreshold || IsConstantFeature(variance, means[j], count) ? 1.0 : deviation;
        }
        return new Standardization(means, scales);
    }

    /// <summary>
    /// <c>sums[j] += values[j]</c> in double, several columns a vector: each column is still summed
    /// row after row, so the sums are the same, bit for bit, as one column at a time.
    /// </summary>
    [MethodImpl(Hot.Path)]
    private static void AddRow(ReadOnlySpan<float> values, Span<double> sums)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int half = Vector<double>.Count;
            for (; j <= values.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(values.Slice(j)), out Vector<double> low, out Vector<double> high);
                (new Vector<double>(sums.Slice(j)) + low).CopyTo(sums.Slice(j));
                (new Vector<double>(sums.Slice(j + half)) + high).CopyTo(sums.Slice(j + half));
            }
        }

        for (; j < values.Length; j++) sums[j] += values[j];
    }

    /// <summary><c>squares[j] += (values[j] - means[j])²</c> in double (a multiply, then an add: no fused step, as one column at a time).</summary>
    [MethodImpl(Hot.Path)]
    private static void AddSquaredDeviations(ReadOnlySpan<float> values, ReadOnlySpan<double> means, Span<double> squares)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int half = Vector<double>.Count;
            for (; j <= values.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(values.Slice(j)), out Vector<double> low, out Vector<double> high);
                Vector<double> lowDeviation = low - new Vector<double>(means.Slice(j));
                Vector<double> highDeviation = high - new Vector<double>(means.Slice(j + half));
                (new Vector<double>(squares.Slice(j)) + (lowDeviation * lowDeviation)).CopyTo(squares.Slice(j));
                (new Vector<double>(squares.Slice(j + half)) + (highDeviation * highDeviation)).CopyTo(squares.Slice(j + half));
            }
        }

        for (; j < values.Length; j++)
        {
            double deviation = values[j] - means[j];
            squares[j] += deviation * deviation;
        }
    }

    /// <summary>
    /// <c>(x - mean) x (1 / scale)</c> in double, rounded to float: the vector lanes and the scalar
    /// tail do the same operations, so every value is the same whichever path computes it. Batch
    /// prediction runs this on every row, beside the forward pass.
    /// </summary>
    private void StandardiseRow(ReadOnlySpan<float> source, Span<float> destination)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<double> means = _means;
            ReadOnlySpan<double> factors = _inverseScales;
            int half = Vector<double>.Count;
            for (; j <= source.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(source.Slice(j)), out Vector<double> low, out Vector<double> high);
                low = (low - new Vector<double>(means.Slice(j))) * new Vector<double>(factors.Slice(j));
                high = (high - new Vector<double>(means.Slice(j + half))) * new Vector<double>(factors.Slice(j + half));
                Vector.Narrow(low, high).CopyTo(destination.Slice(j));
            }
        }
        for (; j < source.Length; j++)
            destination[j] = (float)((source[j] - _means[j]) * _inverseScales[j]);
    }

    /// <summary>Standardises the regression targets of <paramref name="data"/> into a new dataset with the same features; <paramref name="data"/> is untouched.</summary>
    /// <param name="data">A regression dataset with <see cref="FeatureCount"/> targets a row.</param>
    /// <returns>The dataset with standardised targets.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not for regression, or has another number of targets.</exception>
    public Dataset ApplyToTargets(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Task != TaskKind.Regression || data.TargetCount != FeatureCount)
            throw new ArgumentException($"The standardisation was fitted on {FeatureCount} regression targets, but the dataset has {data.TargetCount} ({data.Task}).", nameof(data));
        var targets = new float[data.Targets.Length];
        Apply(data.Targets, targets);
        return data.WithTargets(targets);
    }

    /// <summary>
    /// Undoes <see cref="Apply(ReadOnlySpan{float}, Span{float})"/>: multiplies each value by its
    /// column's scale and adds its mean, in place when the spans are the same memory. Allocates nothing.
    /// </summary>
    /// <param name="source">Standardised values: a multiple of <see cref="FeatureCount"/>.</param>
    /// <param name="destination">Receives as many values on the original scale.</param>
    /// <exception cref="ArgumentException">The lengths are not a multiple of <see cref="FeatureCount"/> or differ.</exception>
    public void Invert(ReadOnlySpan<float> source, Span<float> destination)
    {
        int width = FeatureCount;
        if (source.Length % width != 0)
            throw new ArgumentException($"{source.Length} values are not whole rows of {width} columns.", nameof(source));
        if (destination.Length != source.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values; the source has {source.Length}.", nameof(destination));
        for (int offset = 0; offset < source.Length; offset += width)
        {
            for (int j = 0; j < width; j++)
                destination[offset + j] = (float)((source[offset + j] * _scales[j]) + _means[j]);
        }
    }

    /// <summary>Standardises every row of <paramref name="data"/> into a new dataset with the same labels or targets; <paramref name="data"/> is untouched.</summary>
    /// <param name="data">A dataset with <see cref="FeatureCount"/> features.</param>
    /// <returns>The standardised dataset.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> has another number of features.</exception>
    public Dataset Apply(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != FeatureCount)
            throw new ArgumentException($"The standardisation was fitted on {FeatureCount} features, but the dataset has {data.FeatureCount}.", nameof(data));
        var features = new float[data.Features.Length];
        Apply(data.Features, features);
        return data.WithFeatures(features);
    }

    /// <summary>
    /// Standardises one row, or several rows back to back (row-major), into
    /// <paramref name="destination"/>, which may be the same memory as <paramref name="source"/>.
    /// Allocates nothing.
    /// </summary>
    /// <param name="source">Raw features: a multiple of <see cref="FeatureCount"/> values.</param>
    /// <param name="destination">Receives as many standardised values.</param>
    /// <exception cref="ArgumentException">The lengths are not a multiple of <see cref="FeatureCount"/> or differ.</exception>
    public void Apply(ReadOnlySpan<float> source, Span<float> destination)
    {
        int width = FeatureCount;
        if (source.Length % width != 0)
            throw new ArgumentException($"{source.Length} values are not whole rows of {width} features.", nameof(source));
        if (destination.Length != source.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values; the source has {source.Length}.", nameof(destination));
        if (Unsafe.AreSame(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(destination)) || !source.Overlaps(destination))
        {
            for (int offset = 0; offset < source.Length; offset += width)
                StandardiseRow(source.Slice(offset, width), destination.Slice(offset, width));
        }
        else
        {
            // Partly overlapping spans: one row at a time through a copy, so no value is read after it was written.
            float[] row = new float[width];
            for (int offset = 0; offset < source.Length; offset += width)
            {
                source.Slice(offset, width).CopyTo(row);
                StandardiseRow(row, destination.Slice(offset, width));
            }
        }
    }
}
