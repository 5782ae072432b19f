using System;
using System.ComponentModel;

namespace HyperTune.Generated;

/// <summary>
/// The exceptions generated <c>Validate</c> methods throw, with messages that name the property,
/// its value and what it allows. Called by generated search spaces; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfigValidation
{
    /// <summary>The exception for a value outside its range.</summary>
    /// <param name="property">The property, as <c>Type.Property</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="min">The smaller bound.</param>
    /// <param name="max">The larger bound.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public static ArgumentOutOfRangeException OutOfRange(string property, object value, object min, object max) => new(
        "config",
        value,
        $"{property} is {DimensionValue.Format(value)}, outside its range [{DimensionValue.Format(min)}, {DimensionValue.Format(max)}].");

    /// <summary>The exception for a value that is not one of the candidates.</summary>
    /// <param name="property">The property, as <c>Type.Property</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="candidates">The candidates, as the message lists them.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public static ArgumentOutOfRangeException NotACandidate(string property, object? value, string candidates) => new(
        "config",
        value,
        $"{property} is {DimensionValue.Format(value)}, which is not one of its candidates {{{candidates}}}.");

    /// <summary>Throws when the unit coordinates do not match the dimensions, or one is outside [0, 1].</summary>
    /// <param name="unit">The unit coordinates.</param>
    /// <param name="dimensions">The dimensions they encode.</param>
    /// <exception cref="ArgumentException">The length differs from the number of dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is outside [0, 1] or not a number.</exception>
    public static void CheckUnit(ReadOnlySpan<double> unit, System.Collections.Generic.IReadOnlyList<Dimension> dimensions)
    {
        CheckUnitLength(unit.Length, dimensions.Count);
        for (int i = 0; i < unit.Length; i++)
        {
            if (!(unit[i] >= 0 && unit[i] <= 1))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(unit),
                    unit[i],
                    $"The unit coordinate {i} ({dimensions[i].Name}) is {DimensionValue.Format(unit[i])}; every coordinate must be in [0, 1].");
            }
        }
    }

    /// <summary>Throws when a buffer for unit coordinates does not have one per dimension.</summary>
    /// <param name="length">The buffer's length.</param>
    /// <param name="dimensionCount">The number of dimensions.</param>
    /// <exception cref="ArgumentException">The length differs from the number of dimensions.</exception>
    public static void CheckUnitLength(int length, int dimensionCount)
    {
        if (length != dimensionCount)
        {
            throw new ArgumentException($"The unit encoding has one coordinate per dimension: expected {dimensionCount}, got {length}.", "unit");
        }
    }

    /// <summary>
    /// The number of epochs a sampled or decoded config gets: the template's when it is in
    /// [1, <paramref name="max"/>], otherwise <paramref name="max"/> (early stopping decides the rest).
    /// </summary>
    /// <param name="template">The template's value, or <see langword="null"/> without a template.</param>
    /// <param name="max">The maximum from <see cref="EpochsAttribute"/>.</param>
    /// <returns>The number of epochs.</returns>
    public static int ResolveEpochs(int? template, int max) =>
        template is int epochs && epochs >= 1 && epochs <= max ? epochs : max;
}
