using System;
using System.ComponentModel;
using System.Globalization;

namespace HyperTune.Generated;

/// <summary>
/// Checked arithmetic for counting grid points: a count past <see cref="long.MaxValue"/> throws
/// rather than wraps. Called by generated search spaces; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GridCount
{
    /// <summary>Multiplies two counts.</summary>
    /// <param name="left">A count.</param>
    /// <param name="right">A count.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product exceeds <see cref="long.MaxValue"/>.</exception>
    public static long Multiply(long left, long right)
    {
        try
        {
            return checked(left * right);
        }
        catch (OverflowException exception)
        {
            throw TooLarge(exception);
        }
    }

    /// <summary>Adds two counts.</summary>
    /// <param name="left">A count.</param>
    /// <param name="right">A count.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="OverflowException">The sum exceeds <see cref="long.MaxValue"/>.</exception>
    public static long Add(long left, long right)
    {
        try
        {
            return checked(left + right);
        }
        catch (OverflowException exception)
        {
            throw TooLarge(exception);
        }
    }

    /// <summary>Throws when a grid resolution is below 2: a range needs at least its two bounds.</summary>
    /// <param name="pointsPerRange">The number of points per range.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointsPerRange"/> is below 2.</exception>
    public static void CheckPointsPerRange(int pointsPerRange)
    {
        if (pointsPerRange < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(pointsPerRange), pointsPerRange, "A grid needs at least 2 points per range: its two bounds.");
        }
    }

    private static OverflowException TooLarge(OverflowException inner) => new(
        string.Create(CultureInfo.InvariantCulture, $"The grid has more than {long.MaxValue} points: use fewer points per range, or sample the space instead."),
        inner);
}
