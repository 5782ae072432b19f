using System;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators.Helpers;

/// <summary>
/// C# literals and canonical keys for constants, the same on every machine and culture: reals in
/// round-trip form, strings escaped, identifiers that are keywords prefixed with <c>@</c>.
/// </summary>
internal static class Literals
{
    /// <summary>A <see cref="double"/> literal that parses back to exactly <paramref name="value"/>.</summary>
    public static string Double(double value)
    {
        string text = RoundTrip(value);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    /// <summary>A <see cref="float"/> literal that parses back to exactly <paramref name="value"/>.</summary>
    public static string Single(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "F";
    }

    /// <summary>How messages show a real: the shortest text that round-trips.</summary>
    public static string DisplayDouble(double value) => RoundTrip(value);

    /// <summary>An exact, culture- and runtime-independent key for a real: its bits (with -0 as 0).</summary>
    public static string DoubleKey(double value) =>
        BitConverter.DoubleToInt64Bits(value == 0 ? 0 : value).ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>A string literal, escaped.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A char literal, escaped.</summary>
    public static string Char(char value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>An identifier, prefixed with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    private static string RoundTrip(double value)
    {
        // "R" does not round-trip every value on .NET Framework (the compiler's host inside Visual
        // Studio); G17 always does.
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.Parse(text, CultureInfo.InvariantCulture) == value ? text : value.ToString("G17", CultureInfo.InvariantCulture);
    }
}
