using System;

namespace HyperTune;

/// <summary>The input scalings a config can choose (<see cref="InputScaling"/>), as fitted affine maps per feature.</summary>
public sealed partial class Standardization
{
    /// <summary>
    /// Fits the scaling <paramref name="scaling"/> names on <paramref name="data"/>: a
    /// standardisation (<see cref="Fit(Dataset)"/>), a min-max scaling (<see cref="FitMinMax"/>),
    /// or none. The generated <c>Train</c> calls it for a config's <see cref="InputScaling"/> property.
    /// </summary>
    /// <param name="data">The training set.</param>
    /// <param name="scaling">The scaling.</param>
    /// <returns>The fitted scaling, or <see langword="null"/> for <see cref="InputScaling.None"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scaling"/> is not an <see cref="InputScaling"/>.</exception>
    public static Standardization? Fit(Dataset data, InputScaling scaling) => scaling switch
    {
        InputScaling.Standardize => Fit(data),
        InputScaling.MinMax => FitMinMax(data),
        InputScaling.None => null,
        _ => throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "Unknown input scaling."),
    };

    /// <summary>
    /// Fits a min-max scaling, as scikit-learn's <c>MinMaxScaler</c>: each feature's range on
    /// <paramref name="data"/> maps onto [0, 1] (<see cref="Means"/> holds the minima,
    /// <see cref="Scales"/> the ranges). A constant feature gets a range of 1, so it maps to 0.
    /// Rows outside the fitted range map outside [0, 1], as in scikit-learn (no clipping).
    /// </summary>
    /// <param name="data">The training set.</param>
    /// <returns>The fitted scaling.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    public static Standardization FitMinMax(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int width = data.FeatureCount;
        ReadOnlySpan<float> features = data.Features;
        var minima = new double[width];
        var maxima = new double[width];
        minima.AsSpan().Fill(double.PositiveInfinity);
        maxima.AsSpan().Fill(double.NegativeInfinity);
        for (int row = 0; row < data.Count; row++)
        {
            ReadOnlySpan<float> values = features.Slice(row * width, width);
            for (int j = 0; j < width; j++)
            {
                minima[j] = Math.Min(minima[j], values[j]);
                maxima[j] = Math.Max(maxima[j], values[j]);
            }
        }

        var ranges = new double[width];
        for (int j = 0; j < width; j++)
        {
            double range = maxima[j] - minima[j];
            ranges[j] = range < ConstantThreshold ? 1.0 : range; // scikit-learn's _handle_zeros_in_scale.
        }

        return new Standardization(minima, ranges);
    }

    /// <summary>
    /// scikit-learn's test for a constant feature (<c>_is_constant_feature</c>): a variance within
    /// the rounding error its computation can make, <c>n·ε·var + (n·mean·ε)²</c>, is zero. Such a
    /// feature is scaled by 1, so round-off is not blown up into unit-variance noise.
    /// </summary>
    internal static bool IsConstantFeature(double variance, double mean, int count)
    {
        const double Epsilon = 2.220446049250313e-16;
        double bound = (count * Epsilon * variance) + Math.Pow(count * mean * Epsilon, 2);
        return variance <= bound;
    }
}
