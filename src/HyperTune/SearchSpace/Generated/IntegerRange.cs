using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace HyperTune.Generated;

/// <summary>
/// Sampling, grids and the unit encoding of an integer range, both bounds included. Called by
/// generated search spaces; not meant to be called directly.
/// </summary>
/// <remarks>
/// A log range is treated as the continuous range [min - 0.5, max + 0.5] in the logarithm, rounded
/// to the nearest integer (as Optuna does), so every integer keeps a share proportional to its
/// logarithmic width and both bounds are reachable.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IntegerRange
{
    /// <summary>Draws an integer: uniform on a linear range, log-uniform on a log range.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <returns>An integer in [<paramref name="min"/>, <paramref name="max"/>].</returns>
    public static long Sample(Random random, long min, long max, Scale scale)
    {
        ArgumentNullException.ThrowIfNull(random);
        return scale == Scale.Log
            ? Decode(random.NextDouble(), min, max, scale)
            : min + random.NextInt64(max - min + 1);
    }

    /// <summary>
    /// The grid of a range: every integer when there are at most <paramref name="points"/> of them,
    /// otherwise <paramref name="points"/> values spread evenly (evenly in the logarithm on a log
    /// range), rounded, duplicates dropped.
    /// </summary>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="points">The number of points, at least 2.</param>
    /// <returns>The distinct points in increasing order.</returns>
    public static long[] Grid(long min, long max, Scale scale, int points)
    {
        GridCount.CheckPointsPerRange(points);
        var grid = new List<long>();
        foreach (long value in Points(min, max, scale, points))
        {
            grid.Add(value);
        }

        return grid.ToArray();
    }

    /// <summary>The grid of a range, as <see cref="int"/> values for an <see cref="int"/> property.</summary>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="points">The number of points, at least 2.</param>
    /// <returns>The distinct points in increasing order.</returns>
    public static int[] GridInt32(long min, long max, Scale scale, int points) =>
        Array.ConvertAll(Grid(min, max, scale, points), value => (int)value);

    /// <summary>The number of points of <see cref="Grid"/>, without building it.</summary>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <param name="points">The number of points, at least 2.</param>
    /// <returns>The number of distinct points.</returns>
    public static long CountGrid(long min, long max, Scale scale, int points)
    {
        GridCount.CheckPointsPerRange(points);
        long count = 0;
        foreach (long value in Points(min, max, scale, points))
        {
            _ = value;
            count++;
        }

        return count;
    }

    /// <summary>The unit coordinate of an integer: the middle of its share of [0, 1].</summary>
    /// <param name="value">The integer.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <returns>A coordinate in [0, 1].</returns>
    public static double Encode(long value, long min, long max, Scale scale)
    {
        double unit;
        if (scale == Scale.Log)
        {
            double low = Math.Log(min - 0.5), high = Math.Log(max + 0.5);
            unit = (Math.Log(value) - low) / (high - low);
        }
        else
        {
            unit = (value - min + 0.5) / ((double)(max - min) + 1);
        }

        return Math.Clamp(unit, 0, 1);
    }

    /// <summary>The integer at a unit coordinate: the inverse of <see cref="Encode"/>.</summary>
    /// <param name="unit">A coordinate in [0, 1].</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="scale">How the range is explored.</param>
    /// <returns>An integer in [<paramref name="min"/>, <paramref name="max"/>].</returns>
    public static long Decode(double unit, long min, long max, Scale scale)
    {
        double value;
        if (scale == Scale.Log)
        {
            double low = Math.Log(min - 0.5), high = Math.Log(max + 0.5);
            value = Math.Round(Math.Exp(low + (unit * (high - low))), MidpointRounding.AwayFromZero);
        }
        else
        {
            value = Math.Floor(min + (unit * ((double)(max - min) + 1)));
        }

        return value <= min ? min : value >= max ? max : (long)value;
    }

    /// <summary>Throws when an integer is outside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <param name="property">The property, as <c>Type.Property</c>, for the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range.</exception>
    public static void Validate(long value, long min, long max, string property)
    {
        if (value < min || value > max)
        {
            throw ConfigValidation.OutOfRange(property, value, min, max);
        }
    }

    private static IEnumerable<long> Points(long min, long max, Scale scale, int points)
    {
        if ((ulong)(max - min) < (ulong)points)
        {
            for (long value = min; value <= max; value++)
            {
                yield return value;
            }

            yield break;
        }

        long previous = 0;
        for (int k = 0; k < points; k++)
        {
            double t = (double)k / (points - 1);
            double real = scale == Scale.Log
                ? Math.Exp(Math.Log(min) + (t * (Math.Log(max) - Math.Log(min))))
                : min + (t * (double)(max - min));
            long value = k == 0 ? min : k == points - 1 ? max : Math.Clamp((long)Math.Round(real, MidpointRounding.AwayFromZero), min, max);
            if (k == 0 || value != previous)
            {
                yield return value;
            }

            previous = value;
        }
    }
}
