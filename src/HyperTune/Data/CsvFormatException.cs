using System;

namespace HyperTune;

/// <summary>
/// A delimited text file could not be read as a dataset. The message, and the properties, name the
/// file, the 1-based line, the column and the text at fault.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message, naming file, line and column.</param>
    /// <param name="path">The file (or source name) that was read.</param>
    /// <param name="line">The 1-based line of the file at fault, counting every line.</param>
    /// <param name="columnIndex">The 0-based column at fault, if one is.</param>
    /// <param name="columnName">The column's header name, if the file has a header.</param>
    /// <param name="text">The offending text, if any.</param>
    public CsvFormatException(string message, string path, int line, int? columnIndex = null, string? columnName = null, string? text = null)
        : base(message)
    {
        Path = path;
        Line = line;
        ColumnIndex = columnIndex;
        ColumnName = columnName;
        Text = text;
    }

    /// <summary>The file (or source name) that was read.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the file at fault, counting every line (skipped, header and blank ones too).</summary>
    public int Line { get; }

    /// <summary>The 0-based column at fault, or null when the whole line is.</summary>
    public int? ColumnIndex { get; }

    /// <summary>The header name of the column at fault, or null without a header.</summary>
    public string? ColumnName { get; }

    /// <summary>The offending text, or null.</summary>
    public string? Text { get; }
}
