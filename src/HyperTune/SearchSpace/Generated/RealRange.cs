using System;
using System.ComponentModel;

namespace HyperTune.Generated;

/// <summary>
/// Sampling, grids and the unit encoding of a continuous range. Called by generated search spaces;
/// not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RealRange
{
    /// <summary>Draws a value: uniform on a linear range, log-uniform on a log range.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <returns>A value in [<paramref name="min"/>, <paramref name="max"/>].</returns>
    public static double Sample(Random random, double min, double max, Scale scale)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Interpolate(random.NextDouble(), min, max, scale);
    }

    /// <summary>
    /// The grid of a range: <paramref name="points"/> values from <paramref name="min"/> to
    /// <paramref name="max"/>, evenly spaced, or evenly spaced in the logarithm on a log range (so
    /// 1E-05 … 0.1 in five points is exactly 1E-05, 0.0001, 0.001, 0.01, 0.1). The bounds are exact;
    /// interior points are rounded to 15 significant digits, so that they print as the decimals a
    /// person would write and are the same on every machine.
    /// </summary>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="points">The number of points, at least 2.</param>
    /// <returns>The points in increasing order.</returns>
    public static double[] Grid(double min, double max, Scale scale, int points)
    {
        GridCount.CheckPointsPerRange(points);
        var grid = new double[points];
        grid[0] = min;
        grid[points - 1] = max;
        for (int k = 1; k < points - 1; k++)
        {
            double t = (double)k / (points - 1);
            double value = scale == Scale.Log
                ? Math.Pow(10, Lerp(Math.Log10(min), Math.Log10(max), t))
                : Lerp(min, max, t);
            grid[k] = Math.Clamp(RoundToSignificantDigits(value), min, max);
        }

        return grid;
    }

    /// <summary>The grid of a range, as <see cref="float"/> values for a <see cref="float"/> property.</summary>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="points">The number of points, at least 2.</param>
    /// <returns>The points in increasing order.</returns>
    public static float[] GridSingle(double min, double max, Scale scale, int points) =>
        Array.ConvertAll(Grid(min, max, scale, points), value => (float)value);

    /// <summary>The unit coordinate of a value: its position in the range, in the logarithm on a log range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <returns>A coordinate in [0, 1].</returns>
    public static double Encode(double value, double min, double max, Scale scale)
    {
        double unit = scale == Scale.Log
            ? (Math.Log(value) - Math.Log(min)) / (Math.Log(max) - Math.Log(min))
            : Fraction(value, min, max);
        return Math.Clamp(unit, 0, 1);
    }

    /// <summary>The value at a unit coordinate: the inverse of <see cref="Encode"/>.</summary>
    /// <param name="unit">A coordinate in [0, 1].</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <returns>A value in [<paramref name="min"/>, <paramref name="max"/>].</returns>
    public static double Decode(double unit, double min, double max, Scale scale) => Interpolate(unit, min, max, scale);

    /// <summary>Throws when a value is not a finite number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="property">The property, as <c>Type.Property</c>, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range or not a number.</exception>
    public static void Validate(double value, double min, double max, string property)
    {
        if (!(value >= min && value <= max))
        {
            throw ConfigValidation.OutOfRange(property, value, min, max);
        }
    }

    /// <summary>
    /// Throws when a <see cref="float"/> value is not in the range as <see cref="float"/> bounds
    /// round it (0.7 as a float is a little below 0.7, and is still allowed when 0.7 is the maximum).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="property">The property, as <c>Type.Property</c>, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range or not a number.</exception>
    public static void ValidateSingle(float value, double min, double max, string property)
    {
        if (!(value >= (float)min && value <= (float)max))
        {
            throw ConfigValidation.OutOfRange(property, value, min, max);
        }
    }

    private static double Interpolate(double unit, double min, double max, Scale scale)
    {
        if (unit <= 0)
        {
            return min;
        }

        if (unit >= 1)
        {
            return max;
        }

        double value = scale == Scale.Log
            ? Math.Exp(Lerp(Math.Log(min), Math.Log(max), unit))
            : Lerp(min, max, unit);
        return Math.Clamp(value, min, max);
    }

    /// <summary>
    /// The point a fraction <paramref name="t"/> of the way from <paramref name="from"/> to
    /// <paramref name="to"/>; when the span overflows a double (bounds near ±1.7E308), the weighted
    /// sum of the bounds, whose terms cannot.
    /// </summary>
    private static double Lerp(double from, double to, double t)
    {
        double span = to - from;
        return double.IsInfinity(span) ? ((1 - t) * from) + (t * to) : from + (t * span);
    }

    /// <summary>Where <paramref name="value"/> lies between the bounds; halves every term when the span overflows a double.</summary>
    private static double Fraction(double value, double min, double max)
    {
        double span = max - min;
        return double.IsInfinity(span) ? ((value / 2) - (min / 2)) / ((max / 2) - (min / 2)) : (value - min) / span;
    }

    private static double RoundToSignificantDigits(double value)
    {
        if (value == 0)
        {
            return 0;
        }

        // G15 is the precision every double survives a round trip through decimal text at, so the
        // parse snaps 1.0000000000000002E-4 to 1E-4 and changes a genuine value by under 1E-15.
        string text = value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture);
        return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
