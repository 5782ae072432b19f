using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace HyperTune;

/// <summary>
/// Reads delimited text into a <see cref="Dataset"/>, line by line, naming the file, the 1-based
/// line, the column and the offending text in every error.
/// </summary>
internal static class CsvDatasetReader
{
    /// <summary>Which columns of a file a read keeps.</summary>
    private enum ColumnRoles
    {
        /// <summary>The label column is the label, every other column a feature.</summary>
        FeaturesAndLabel,

        /// <summary>Every column is a feature (the features file of a pair).</summary>
        FeaturesOnly,

        /// <summary>Only the label column is read (the labels file of a pair).</summary>
        LabelOnly,
    }

    /// <summary>What one file gave.</summary>
    private sealed class Table
    {
        public readonly List<float> Features = new();
        public readonly List<int> Labels = new();
        public readonly List<float> Targets = new();
        public readonly List<int> LabelLines = new();
        public string Source = string.Empty;
        public int LabelColumn = -1;
        public string? LabelName;
        public int Rows;
        public int FeatureCount;
        public int LastLine;
    }

    public static Dataset Read(TextReader reader, string source, CsvOptions options)
    {
        Table table = ReadTable(reader, source, options, ColumnRoles.FeaturesAndLabel);
        return ToDataset(table, table, options);
    }

    public static Dataset Read(TextReader featuresReader, string featuresSource, TextReader labelsReader, string labelsSource, CsvOptions options)
    {
        Table features = ReadTable(featuresReader, featuresSource, options, ColumnRoles.FeaturesOnly);
        Table labels = ReadTable(labelsReader, labelsSource, options, ColumnRoles.LabelOnly);
        if (features.Rows != labels.Rows)
        {
            throw new CsvFormatException(
                $"{labelsSource}, line {labels.LastLine}: the file ends after {labels.Rows} rows, but {featuresSource} has {features.Rows}; both files need the same rows.",
                labelsSource, labels.LastLine);
        }
        return ToDataset(features, labels, options);
    }

    private static Dataset ToDataset(Table features, Table labels, CsvOptions options)
    {
        if (options.Task == TaskKind.Classification && options.ClassCount is null) CheckLabels(labels);
        float[] flat = features.Features.ToArray();
        return options.Task == TaskKind.Classification
            ? Dataset.FromStorage(flat, features.Rows, features.FeatureCount, labels.Labels.ToArray(), options.ClassCount, null, 0, nameof(options))
            : Dataset.FromStorage(flat, features.Rows, features.FeatureCount, null, null, labels.Targets.ToArray(), 1, nameof(options));
    }

    /// <summary>
    /// Refuses labels that cannot be class indices of this file: a largest label far beyond the
    /// number of distinct labels (an ID or code column, which would make a class per possible value),
    /// or a single class (nothing to tell apart). A declared <see cref="CsvOptions.ClassCount"/> skips this.
    /// </summary>
    private static void CheckLabels(Table table)
    {
        var problem = Dataset.CheckLabelSpread(table.Labels, refuseSingleClass: true, out int row);
        if (problem is null) return;
        string column = table.LabelName is null ? $"column {table.LabelColumn}" : $"column {table.LabelColumn} (\"{table.LabelName}\")";
        int line = table.LabelLines[row];
        throw new CsvFormatException(
            $"{table.Source}, line {line}, {column}: {problem} Set CsvOptions.LabelColumnIndex or LabelColumnName if this is not the label column.",
            table.Source, line, table.LabelColumn, table.LabelName, table.Labels[row].ToString(CultureInfo.InvariantCulture));
    }

    private static Table ReadTable(TextReader reader, string source, CsvOptions options, ColumnRoles roles)
    {
        var table = new Table { Source = source };
        var fields = new List<ReadOnlyMemory<char>>();
        string[]? names = null;
        int columnCount = -1;
        int labelColumn = -1;
        int lineNumber = 0;
        int columnsLine = 0;
        string? line;

        for (int i = 0; i < options.SkipLines; i++)
        {
            if (reader.ReadLine() is null) break;
            lineNumber++;
        }

        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            Tokenize(line, options.Separator, fields, source, lineNumber);

            if (columnCount < 0)
            {
                columnCount = fields.Count;
                columnsLine = lineNumber;
                if (options.HasHeader)
                {
                    names = new string[fields.Count];
                    for (int c = 0; c < names.Length; c++) names[c] = fields[c].Span.Trim().ToString();
                }
                labelColumn = roles == ColumnRoles.FeaturesOnly ? -1 : ResolveLabelColumn(options, names, columnCount, source);
                table.LabelColumn = labelColumn;
                table.LabelName = labelColumn >= 0 ? names?[labelColumn] : null;
                int featureCount = roles switch
                {
                    ColumnRoles.FeaturesOnly => columnCount,
                    ColumnRoles.LabelOnly => 0,
                    _ => columnCount - 1,
                };
                if (roles == ColumnRoles.FeaturesAndLabel && featureCount == 0)
                    throw new CsvFormatException($"{source}, line {lineNumber}: there is only the label column; a dataset needs at least one feature column.", source, lineNumber);
                table.FeatureCount = featureCount;
                if (options.HasHeader) continue;
            }
            else if (fields.Count != columnCount)
            {
                string reference = options.HasHeader ? $"the header (line {columnsLine})" : $"the first row (line {columnsLine})";
                throw new CsvFormatException(
                    $"{source}, line {lineNumber}: {fields.Count} columns, but {reference} has {columnCount}.",
                    source, lineNumber);
            }

            try
            {
                for (int column = 0; column < fields.Count; column++)
                {
                    if (column == labelColumn)
                    {
                        if (options.Task == TaskKind.Classification)
                        {
                            table.Labels.Add(ParseLabel(fields[column], options, source, lineNumber, column, names));
                            table.LabelLines.Add(lineNumber);
                        }
                        else
                        {
                            table.Targets.Add(ParseNumber(fields[column], "target", source, lineNumber, column, names));
                        }
                    }
                    else if (roles != ColumnRoles.LabelOnly)
                    {
                        table.Features.Add(ParseNumber(fields[column], "feature", source, lineNumber, column, names));
                    }
                }
            }
            catch (CsvFormatException e) when (!options.HasHeader && lineNumber == columnsLine && LooksLikeHeader(fields))
            {
                throw new CsvFormatException(
                    $"{e.Message} Line {lineNumber} looks like a header (none of its {fields.Count} fields is a number): set CsvOptions.HasHeader = true.",
                    e.Path, e.Line, e.ColumnIndex, e.ColumnName, e.Text);
            }
            table.Rows++;
        }

        table.LastLine = lineNumber;
        if (table.Rows == 0)
            throw new CsvFormatException($"{source}: no data rows (after {lineNumber} line{(lineNumber == 1 ? "" : "s")}).", source, lineNumber);
        return table;
    }

    private static int ResolveLabelColumn(CsvOptions options, string[]? names, int columnCount, string source)
    {
        if (options.LabelColumnName is { } name)
        {
            if (names is null)
                throw new ArgumentException($"{source}: the label column is chosen by name (\"{name}\"), but the options say the file has no header (set HasHeader).", "options");
            int found = Array.IndexOf(names, name);
            if (found < 0)
                throw new ArgumentException($"{source}: no column is named \"{name}\"; the header has: {string.Join(", ", names)}.", "options");
            return found;
        }
        int index = options.LabelColumnIndex < 0 ? columnCount + options.LabelColumnIndex : options.LabelColumnIndex;
        if (index < 0 || index >= columnCount)
            throw new ArgumentException($"{source}: label column index {options.LabelColumnIndex} is outside the file's {columnCount} columns (0 to {columnCount - 1}, or -1 to -{columnCount} from the end).", "options");
        return index;
    }

    /// <summary>Whether no field of a line reads as a number: a header, most likely.</summary>
    private static bool LooksLikeHeader(List<ReadOnlyMemory<char>> fields)
    {
        foreach (var field in fields)
        {
            if (double.TryParse(field.Span.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return false;
        }
        return fields.Count > 0;
    }

    /// <summary>Infinity as people write it: .NET reads "Infinity" but not "inf", and both must get the same answer.</summary>
    private static bool IsInfinityWord(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '+' or '-') text = text.Slice(1);
        return text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("infinity", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("\u221E");
    }

    private static float ParseNumber(ReadOnlyMemory<char> field, string what, string source, int line, int column, string[]? names)
    {
        ReadOnlySpan<char> text = field.Span.Trim();
        if (text.IsEmpty) throw Error("is empty", what, field, source, line, column, names);
        if (text.Contains('\0'))
            throw Error($"contains a NUL character (byte 0) at position {text.IndexOf('\0')}; the file may be binary, UTF-16 or damaged", what, field, source, line, column, names);
        if (IsInfinityWord(text))
            throw Error($"is not finite (or overflows a float); {what} values must be finite", what, field, source, line, column, names);
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
            throw Error($"cannot be read as a number", what, field, source, line, column, names);
        if (!float.IsFinite(value))
            throw Error($"is not finite (or overflows a float); {what} values must be finite", what, field, source, line, column, names);
        return value;
    }

    private static int ParseLabel(ReadOnlyMemory<char> field, CsvOptions options, string source, int line, int column, string[]? names)
    {
        ReadOnlySpan<char> text = field.Span.Trim();
        if (text.IsEmpty) throw Error("is empty", "label", field, source, line, column, names);
        if (text.Contains('\0'))
            throw Error($"contains a NUL character (byte 0) at position {text.IndexOf('\0')}; the file may be binary, UTF-16 or damaged", "label", field, source, line, column, names);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value != Math.Floor(value))
            throw Error("is not a class label; labels must be whole numbers (0, 1, 2, ...)", "label", field, source, line, column, names);
        if (value < 0)
            throw Error("is negative; class labels are 0-based indices", "label", field, source, line, column, names);
        if (value >= (options.ClassCount ?? (double)int.MaxValue))
            throw Error(options.ClassCount is { } classes ? $"is not below the {classes} classes the options declare" : "is too large", "label", field, source, line, column, names);
        return (int)value;
    }

    private static CsvFormatException Error(string problem, string what, ReadOnlyMemory<char> field, string source, int line, int column, string[]? names)
    {
        string? name = names?[column];
        string columnText = name is null ? $"column {column}" : $"column {column} (\"{name}\")";
        string text = field.ToString().Replace("\0", "\\0", StringComparison.Ordinal);
        return new CsvFormatException($"{source}, line {line}, {columnText}: the {what} \"{text}\" {problem}.", source, line, column, name, text);
    }

    /// <summary>
    /// Splits <paramref name="line"/> into <paramref name="fields"/>: at each
    /// <paramref name="separator"/>, or at runs of spaces and tabs when it is null; a field that
    /// opens with a quote runs to its closing quote, with doubled quotes inside read as one.
    /// </summary>
    internal static void Tokenize(string line, char? separator, List<ReadOnlyMemory<char>> fields, string source, int lineNumber)
    {
        fields.Clear();
        bool whitespace = separator is null;
        char sep = separator.GetValueOrDefault();
        int pos = 0;
        int length = line.Length;
        if (whitespace) pos = SkipBlanks(line, pos);

        while (true)
        {
            int start = pos;
            int end;
            if (pos < length && line[pos] == '"')
            {
                var unquoted = new System.Text.StringBuilder();
                pos++;
                bool closed = false;
                while (pos < length)
                {
                    char c = line[pos++];
                    if (c != '"') { unquoted.Append(c); continue; }
                    if (pos < length && line[pos] == '"') { unquoted.Append('"'); pos++; continue; }
                    closed = true;
                    break;
                }
                if (!closed)
                    throw new CsvFormatException($"{source}, line {lineNumber}, column {fields.Count}: the quote opened at character {start + 1} is not closed on this line.", source, lineNumber, fields.Count, null, line[start..]);
                end = pos;
                if (end < length && !IsSeparator(line[end], whitespace, sep))
                    throw new CsvFormatException($"{source}, line {lineNumber}, column {fields.Count}: text follows the closing quote at character {end}.", source, lineNumber, fields.Count, null, line[start..]);
                fields.Add(unquoted.ToString().AsMemory());
            }
            else
            {
                end = pos;
                while (end < length && !IsSeparator(line[end], whitespace, sep)) end++;
                fields.Add(line.AsMemory(start, end - start));
            }

            if (whitespace)
            {
                pos = SkipBlanks(line, end);
                if (pos >= length) return;
            }
            else
            {
                if (end >= length) return;
                pos = end + 1; // past the separator; a separator at the end of the line leaves an empty last field
            }
        }
    }

    private static bool IsSeparator(char c, bool whitespace, char separator) => whitespace ? c is ' ' or '\t' : c == separator;

    private static int SkipBlanks(string line, int pos)
    {
        while (pos < line.Length && line[pos] is ' ' or '\t') pos++;
        return pos;
    }
}
