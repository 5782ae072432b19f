namespace HyperTune.Tests.Data;

/// <summary>The CSV reader on small inline files: layouts it accepts, and errors that name the place.</summary>
public class CsvParsingTests
{
    private static Dataset Read(string text, CsvOptions? options = null)
        => CsvDatasetReader.Read(new StringReader(text), "mem.csv", options ?? CsvOptions.Default);

    private static CsvFormatException ReadFails(string text, CsvOptions? options = null)
        => Assert.Throws<CsvFormatException>(() => Read(text, options));

    [Fact]
    public void Header_names_choose_the_label_column_anywhere()
    {
        var data = Read("a,species,b\n1,2,3\n4,0,6\n", CsvOptions.Default with { HasHeader = true, LabelColumnName = "species" });

        Assert.Equal(2, data.Count);
        Assert.Equal([1f, 3f, 4f, 6f], data.Features.ToArray());
        Assert.Equal([2, 0], data.Labels.ToArray());
        Assert.Equal(3, data.ClassCount);
    }

    [Theory]
    [InlineData(0, new[] { 2f, 3f, 5f, 6f }, new[] { 1, 4 })]
    [InlineData(1, new[] { 1f, 3f, 4f, 6f }, new[] { 2, 5 })]
    [InlineData(-1, new[] { 1f, 2f, 4f, 5f }, new[] { 3, 6 })]
    [InlineData(-3, new[] { 2f, 3f, 5f, 6f }, new[] { 1, 4 })]
    public void Label_index_counts_from_the_start_or_from_the_end(int index, float[] features, int[] labels)
    {
        var data = Read("1,2,3\n4,5,6\n", CsvOptions.Default with { LabelColumnIndex = index });
        Assert.Equal(features, data.Features.ToArray());
        Assert.Equal(labels, data.Labels.ToArray());
    }

    [Fact]
    public void Whitespace_separator_takes_runs_of_spaces_and_tabs()
    {
        var data = Read("  1  2\t\t3.5e1 \n4 5 6\n", CsvOptions.Default with { Separator = null, Task = TaskKind.Regression });
        Assert.Equal([1f, 2f, 4f, 5f], data.Features.ToArray());
        Assert.Equal([35f, 6f], data.Targets.ToArray());
    }

    [Fact]
    public void Other_separators_blank_lines_CRLF_and_quotes_are_read()
    {
        var data = Read("\"x;y\";\"the \"\"label\"\"\"\r\n\r\n1.5;1\r\n \r\n-2e-1;0\r\n", CsvOptions.Default with { Separator = ';', HasHeader = true, LabelColumnName = "the \"label\"" });
        Assert.Equal([1.5f, -0.2f], data.Features.ToArray());
        Assert.Equal([1, 0], data.Labels.ToArray());
    }

    [Fact]
    public void Whole_number_labels_written_as_decimals_are_accepted()
        => Assert.Equal([1, 2], Read("0,1.0\n0,2e0\n").Labels.ToArray());

    [Fact]
    public void Declared_class_count_is_kept()
        => Assert.Equal(5, Read("0,1\n0,2\n", CsvOptions.Default with { ClassCount = 5 }).ClassCount);

    [Fact]
    public void Unreadable_number_names_file_line_column_and_text()
    {
        var error = ReadFails("1,2,0\n3,abc,1\n");

        Assert.Equal("mem.csv, line 2, column 1: the feature \"abc\" cannot be read as a number.", error.Message);
        Assert.Equal(("mem.csv", 2, 1, "abc"), (error.Path, error.Line, error.ColumnIndex, error.Text));
        Assert.Null(error.ColumnName);
    }

    [Fact]
    public void Errors_name_the_header_column_and_count_skipped_and_blank_lines()
    {
        var error = ReadFails("meta\nwidth,height,label\n\n1,2,0\n1,,1\n", CsvOptions.Default with { SkipLines = 1, HasHeader = true });

        Assert.Equal("mem.csv, line 5, column 1 (\"height\"): the feature \"\" is empty.", error.Message);
        Assert.Equal((5, 1, "height"), (error.Line, error.ColumnIndex, error.ColumnName));
    }

    [Theory]
    [InlineData("1,2,0\nNaN,2,0\n", 2, 0, "NaN")]
    [InlineData("1,2,0\n1,-Infinity,0\n", 2, 1, "-Infinity")]
    [InlineData("1,2,0\n1,1e39,0\n", 2, 1, "1e39")]
    public void Non_finite_features_are_rejected_with_their_place(string text, int line, int column, string value)
    {
        var error = ReadFails(text);
        Assert.Equal((line, column, value), (error.Line, error.ColumnIndex, error.Text));
        Assert.Contains("must be finite", error.Message);
    }

    [Theory]
    [InlineData("1,2\n1,-1\n", "is negative")]
    [InlineData("1,2\n1,1.5\n", "is not a class label")]
    [InlineData("1,2\n1,cat\n", "is not a class label")]
    [InlineData("1,2\n1,NaN\n", "is not a class label")]
    public void Bad_class_labels_are_rejected_with_their_place(string text, string problem)
    {
        var error = ReadFails(text);
        Assert.Equal((2, 1), (error.Line, error.ColumnIndex));
        Assert.StartsWith("mem.csv, line 2, column 1: the label ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Label_beyond_the_declared_classes_is_rejected()
    {
        var error = ReadFails("1,2\n1,3\n", CsvOptions.Default with { ClassCount = 3 });
        Assert.Equal((2, 1, "3"), (error.Line, error.ColumnIndex, error.Text));
        Assert.Contains("3 classes", error.Message);
    }

    [Fact]
    public void Non_finite_regression_target_is_rejected_with_its_place()
    {
        var error = ReadFails("1,2\n1,inf\n", CsvOptions.Default with { Task = TaskKind.Regression });
        Assert.Equal("mem.csv, line 2, column 1: the target \"inf\" is not finite (or overflows a float); target values must be finite.", error.Message);
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-INF")]
    [InlineData("-Infinity")]
    [InlineData("+inf")]
    [InlineData("1e40")]
    public void Every_spelling_of_infinity_gets_the_same_message(string text)
    {
        var error = ReadFails($"1,0\n{text},1\n");
        Assert.Equal($"mem.csv, line 2, column 0: the feature \"{text}\" is not finite (or overflows a float); feature values must be finite.", error.Message);
    }

    [Theory]
    [InlineData("12\0,1", 0)]
    [InlineData("1\02,1", 0)]
    [InlineData("1,1\0", 1)]
    public void A_nul_byte_inside_a_number_is_an_error(string row, int column)
    {
        // .NET reads "12\0" as 12: the NUL must not slip through.
        var error = ReadFails($"1,0\n{row}\n", CsvOptions.Default with { Task = TaskKind.Regression });
        Assert.Contains($"line 2, column {column}", error.Message);
        Assert.Contains("contains a NUL character (byte 0)", error.Message);
    }

    [Fact]
    public void A_header_read_as_data_hints_at_HasHeader()
    {
        var error = ReadFails("pixel0,pixel1,label\n1,2,0\n3,4,1\n");
        Assert.Equal(
            "mem.csv, line 1, column 0: the feature \"pixel0\" cannot be read as a number. Line 1 looks like a header (none of its 3 fields is a number): set CsvOptions.HasHeader = true.",
            error.Message);
        Assert.Equal((1, 0), (error.Line, error.ColumnIndex));
    }

    [Fact]
    public void A_bad_value_on_a_first_line_of_numbers_gets_no_header_hint()
        => Assert.DoesNotContain("HasHeader", ReadFails("1,x,0\n3,4,1\n").Message);

    [Theory]
    [InlineData("1,2,0\n1,2\n", "mem.csv, line 2: 2 columns, but the first row (line 1) has 3.")]
    [InlineData("1,2,0\n1,2,0,\n", "mem.csv, line 2: 4 columns, but the first row (line 1) has 3.")]
    [InlineData("1,2,0\n\n\n1,2,0,5\n", "mem.csv, line 4: 4 columns, but the first row (line 1) has 3.")]
    public void Ragged_lines_are_rejected_with_both_widths(string text, string message)
        => Assert.Equal(message, ReadFails(text).Message);

    [Fact]
    public void Trailing_separator_leaves_an_empty_field_that_is_reported()
    {
        var error = ReadFails("1,2,\n");
        Assert.Equal((1, 2), (error.Line, error.ColumnIndex));
        Assert.Contains("is empty", error.Message);
    }

    [Fact]
    public void Unclosed_quote_is_reported()
    {
        var error = ReadFails("1,\"2,0\n");
        Assert.Equal((1, 1), (error.Line, error.ColumnIndex));
        Assert.Contains("not closed", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported()
        => Assert.Contains("text follows the closing quote", ReadFails("\"1\"x,0\n").Message);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("a,b\n")]
    public void File_without_data_rows_is_rejected(string text)
        => Assert.Contains("no data rows", ReadFails(text, CsvOptions.Default with { HasHeader = text.Length > 2 }).Message);

    [Fact]
    public void A_single_column_file_has_no_features()
        => Assert.Contains("at least one feature column", ReadFails("1\n2\n").Message);

    [Fact]
    public void Unknown_label_name_lists_the_header()
    {
        var error = Assert.Throws<ArgumentException>(() => Read("a,b\n1,0\n", CsvOptions.Default with { HasHeader = true, LabelColumnName = "target" }));
        Assert.Contains("no column is named \"target\"; the header has: a, b", error.Message);
    }

    [Fact]
    public void Label_name_without_header_is_rejected()
        => Assert.Contains("set HasHeader", Assert.Throws<ArgumentException>(() => Read("1,0\n", CsvOptions.Default with { LabelColumnName = "y" })).Message);

    [Theory]
    [InlineData(2)]
    [InlineData(-3)]
    public void Label_index_outside_the_columns_is_rejected(int index)
        => Assert.Contains($"label column index {index} is outside the file's 2 columns", Assert.Throws<ArgumentException>(() => Read("1,0\n", CsvOptions.Default with { LabelColumnIndex = index })).Message);

    [Fact]
    public void Impossible_options_are_rejected_when_set()
    {
        Assert.Equal("SkipLines", Assert.Throws<ArgumentOutOfRangeException>(() => CsvOptions.Default with { SkipLines = -1 }).ParamName);
        Assert.Equal("ClassCount", Assert.Throws<ArgumentOutOfRangeException>(() => CsvOptions.Default with { ClassCount = 0 }).ParamName);
        Assert.Null((CsvOptions.Default with { ClassCount = null }).ClassCount);
    }

    [Fact]
    public void Errors_from_a_file_name_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ht-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "1,2,0\n3,4,0\n5,x6,1\n");
        try
        {
            var error = Assert.Throws<CsvFormatException>(() => Dataset.FromCsv(path));
            Assert.Equal($"{path}, line 3, column 1: the feature \"x6\" cannot be read as a number.", error.Message);
            Assert.Equal(path, error.Path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
