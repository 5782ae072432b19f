using System;
using System.Collections.Generic;
using System.Globalization;

namespace HyperTune.Tuning;

/// <summary>
/// A trial's values as invariant text, dimension by dimension: the form a study stores them in, so that
/// a study survives a change of its space (the unit encoding of a value changes with the bounds; its
/// text does not) and tools can show a study without its config type.
/// </summary>
internal static class ParameterText
{
    /// <summary>The values a point decodes to, as text, for the active dimensions.</summary>
    /// <param name="space">The space.</param>
    /// <param name="unit">The point (NaN where inactive).</param>
    /// <returns>Dimension name → text.</returns>
    public static IReadOnlyDictionary<string, string> FromUnit(UnitSpace space, ReadOnlySpan<double> unit)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < space.Count; i++)
        {
            if (!double.IsNaN(unit[i]))
            {
                values[space.Dimensions[i].Name] = Format(DecodeValue(space.Dimensions[i], unit[i]));
            }
        }

        return values;
    }

    /// <summary>The value of one coordinate, as the config holds it (a double, a long, or the candidate itself).</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="unit">Its coordinate.</param>
    /// <returns>The value.</returns>
    public static object? DecodeValue(Dimension dimension, double unit) => dimension.Kind switch
    {
        DimensionKind.Categorical => dimension.Candidates[Generated.Categorical.Decode(unit, dimension.Candidates.Count)],
        DimensionKind.Integer => Generated.IntegerRange.Decode(unit, (long)dimension.Min, (long)dimension.Max, dimension.Scale),
        _ => Generated.RealRange.Decode(unit, dimension.Min, dimension.Max, dimension.Scale),
    };

    /// <summary>
    /// The coordinate of a stored value in a (possibly changed) dimension, or <see langword="null"/> when
    /// the value has no place in it (outside the bounds, not a candidate, not a number).
    /// </summary>
    /// <param name="dimension">The dimension now.</param>
    /// <param name="text">The stored text.</param>
    /// <returns>The coordinate.</returns>
    public static double? Encode(Dimension dimension, string text)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Categorical:
                for (int i = 0; i < dimension.Candidates.Count; i++)
                {
                    if (Format(dimension.Candidates[i]) == text)
                    {
                        return Generated.Categorical.Encode(i, dimension.Candidates.Count);
                    }
                }

                return null;
            case DimensionKind.Integer:
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long integer) || integer < dimension.Min || integer > dimension.Max)
                {
                    return null;
                }

                return Generated.IntegerRange.Encode(integer, (long)dimension.Min, (long)dimension.Max, dimension.Scale);
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) || !(real >= dimension.Min && real <= dimension.Max))
                {
                    return null;
                }

                return Generated.RealRange.Encode(real, dimension.Min, dimension.Max, dimension.Scale);
        }
    }

    /// <summary>A value as invariant text: as <see cref="DimensionValue.Format"/> writes it (numbers round-trip, enums by name, <c>null</c> as "null"), but a string as itself, unquoted.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(object? value) => value is string text ? text : DimensionValue.Format(value);
}
