using System;

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

    private Standardization(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
    }

    /// <summary>Features a row this standardisation expects.</summary>
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
        int width = data.FeatureCount;
        ReadOnlySpan<float> features = data.Features;
        var means = new double[width];
        var scales = new double[width];
        for (int row = 0; row < data.Count; row++)
        {
            ReadOnlySpan<float> values = features.Slice(row * width, width);
            for (int j = 0; j < width; j++) means[j] += values[j];
        }
        for (int j = 0; j < width; j++) means[j] /= data.Count;
        for (int row = 0; row < data.Count; row++)
        {
            ReadOnlySpan<float> values = features.Slice(row * width, width);
            for (int j = 0; j < width; j++)
            {
                double deviation = values[j] - means[j];
                scales[j] += deviation * deviation;
            }
        }
        for (int j = 0; j < width; j++)
        {
            double variance = scales[j] / data.Count;
            double deviation = Math.Sqrt(variance);
            scales[j] = deviation < ConstantThreshold || IsConstantFeature(variance, means[j], data.Count) ? 1.0 : deviation;
        }
        return new Standardization(means, scales);
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
        for (int offset = 0; offset < source.Length; offset += width)
        {
            for (int j = 0; j < width; j++)
                destination[offset + j] = (float)((source[offset + j] - _means[j]) / _scales[j]);
        }
    }
}
