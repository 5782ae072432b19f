using System;
using System.Globalization;

namespace HyperTune;

/// <summary>Formats dimension values the same way on every machine, for messages and reports.</summary>
internal static class DimensionValue
{
    /// <summary>Formats a value with the invariant culture; reals round-trip, strings are quoted, layer widths are listed (<c>[128, 64]</c>).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        float real => real.ToString("R", CultureInfo.InvariantCulture),
        int[] widths => "[" + string.Join(", ", widths) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
