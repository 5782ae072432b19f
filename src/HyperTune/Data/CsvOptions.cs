using System;

namespace HyperTune;

/// <summary>
/// The layout of a delimited text file for <see cref="Dataset.FromCsv(string, CsvOptions)"/>, and the
/// task its label column serves. Immutable: derive variants with <c>with</c>, for example
/// <c>CsvOptions.Default with { HasHeader = true, LabelColumnName = "species" }</c>.
/// </summary>
/// <remarks>
/// Blank lines are skipped. A field may be quoted with <c>"</c> (a doubled <c>""</c> inside is one
/// quote), which lets a header name hold the separator; a quoted field cannot span lines. Numbers
/// are read in the invariant culture (a <c>.</c> decimal point, exponents allowed).
/// </remarks>
public sealed record CsvOptions
{
    private readonly int _skipLines;
    private readonly int? _classCount;

    /// <summary>Comma-separated, no header, the label in the last column, classification.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>Whether the label column holds class labels (non-negative integers) or regression targets.</summary>
    public TaskKind Task { get; init; } = TaskKind.Classification;

    /// <summary>
    /// The character between fields; <c>null</c> for any run of spaces and tabs (leading and
    /// trailing ones ignored), as in whitespace-aligned files. Default <c>','</c>.
    /// </summary>
    public char? Separator { get; init; } = ',';

    /// <summary>
    /// Lines to skip at the top of the file before the header or the data: metadata lines such as
    /// the <c>569,30,malignant,benign</c> that opens scikit-learn's breast-cancer file. Default 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int SkipLines
    {
        get => _skipLines;
        init => _skipLines = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(SkipLines), value, "Lines to skip cannot be negative.");
    }

    /// <summary>
    /// Whether the first line after <see cref="SkipLines"/> holds column names. Names let
    /// <see cref="LabelColumnName"/> choose the label and appear in error messages. Default false.
    /// </summary>
    public bool HasHeader { get; init; }

    /// <summary>
    /// The name of the label column in the header (exact and case-sensitive, after trimming
    /// surrounding spaces); when set, it wins over
    /// <see cref="LabelColumnIndex"/> and requires <see cref="HasHeader"/>. Default null.
    /// </summary>
    public string? LabelColumnName { get; init; }

    /// <summary>
    /// The 0-based index of the label column; a negative index counts from the end (-1 is the last
    /// column). Ignored when <see cref="LabelColumnName"/> is set. Default -1.
    /// </summary>
    public int LabelColumnIndex { get; init; } = -1;

    /// <summary>
    /// For classification, the number of classes when the file may not use them all (labels must
    /// then lie in [0, ClassCount)); null for the largest label plus one. Default null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? ClassCount
    {
        get => _classCount;
        init => _classCount = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ClassCount), value, "A classification needs at least one class.");
    }
}
