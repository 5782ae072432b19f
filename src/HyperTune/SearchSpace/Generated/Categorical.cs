using System;
using System.ComponentModel;

namespace HyperTune.Generated;

/// <summary>
/// The unit encoding of a categorical dimension: candidate <c>i</c> of <c>n</c> sits at the middle
/// of its share of [0, 1], <c>(i + 0.5) / n</c>. Called by generated search spaces; not meant to be
/// called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Categorical
{
    /// <summary>The coordinate an inactive conditional dimension is encoded as.</summary>
    public const double InactiveCoordinate = 0.5;

    /// <summary>
    /// Draws a candidate index, each equally likely. Tuning draws are not security-sensitive:
    /// <see cref="Random"/> is the right generator (seedable, reproducible).
    /// </summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="count">The number of candidates, at least 1.</param>
    /// <returns>An index in [0, <paramref name="count"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is <see langword="null"/>.</exception>
    public static int Sample(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(count);
    }

    /// <summary>The unit coordinate of candidate <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <param name="index">The candidate's index.</param>
    /// <param name="count">The number of candidates.</param>
    /// <returns>A coordinate in (0, 1).</returns>
    public static double Encode(int index, int count) => (index + 0.5) / count;

    /// <summary>The candidate index at a unit coordinate: the inverse of <see cref="Encode"/>.</summary>
    /// <param name="unit">A coordinate in [0, 1].</param>
    /// <param name="count">The number of candidates.</param>
    /// <returns>An index in [0, <paramref name="count"/>).</returns>
    public static int Decode(double unit, int count) => Math.Clamp((int)Math.Floor(unit * count), 0, count - 1);
}
