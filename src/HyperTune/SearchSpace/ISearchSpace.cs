using System;
using System.Collections.Generic;

namespace HyperTune;

/// <summary>
/// The search space of a config type as the tuner sees it: its dimensions and the unit-hypercube
/// encoding that samplers work in. HyperTune's generator implements it for every config (the
/// generated <c>SearchSpace.Definition</c>); implement it yourself only for a space written by hand.
/// </summary>
/// <typeparam name="TConfig">The config type.</typeparam>
public interface ISearchSpace<TConfig>
{
    /// <summary>The tuned dimensions, in the order of the coordinates of the unit encoding.</summary>
    IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>A stable hash of the dimensions: a stored study compares it to tell whether the space changed.</summary>
    string Fingerprint { get; }

    /// <summary>Writes the unit encoding of a valid config: one coordinate in [0, 1] per dimension.</summary>
    /// <param name="config">The config.</param>
    /// <param name="unit">Receives one coordinate per dimension.</param>
    void Encode(TConfig config, Span<double> unit);

    /// <summary>Builds the config a unit encoding stands for; settings that are not tuned come from a new config.</summary>
    /// <param name="unit">One coordinate in [0, 1] per dimension.</param>
    /// <returns>The config.</returns>
    TConfig Decode(ReadOnlySpan<double> unit);

    /// <summary>Enumerates the grid, <see cref="CountGrid"/> configs in a fixed order.</summary>
    /// <param name="pointsPerRange">The number of points of each range, at least 2.</param>
    /// <returns>The configs of the grid.</returns>
    IEnumerable<TConfig> Grid(int pointsPerRange);

    /// <summary>The number of configs <see cref="Grid"/> enumerates.</summary>
    /// <param name="pointsPerRange">The number of points of each range, at least 2.</param>
    /// <returns>The number of configs.</returns>
    long CountGrid(int pointsPerRange);

    /// <summary>A new config with every setting at its declared default: what a new dimension means for trials stored before it existed.</summary>
    /// <returns>The default config.</returns>
    TConfig CreateDefault();
}
