using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace HyperTune.Cli.Tests;

public sealed class CliTests : IClassFixture<StudyFixture>
{
    private readonly StudyFixture _fixture;

    public CliTests(StudyFixture fixture) => _fixture = fixture;

    [Fact]
    public void The_fixture_study_has_complete_pruned_and_failed_trials()
    {
        var snapshot = _fixture.Snapshot;
        Assert.Equal(TrialState.Failed, snapshot.Trials[3].State);
        Assert.True(snapshot.Count(TrialState.Pruned) > 0, "the median pruner pruned nothing");
        Assert.True(snapshot.Count(TrialState.Complete) > 5);
        Assert.Equal(_fixture.Study.Best.Number, snapshot.Best!.Number);
        Assert.Equal(_fixture.Study.Best.Value, snapshot.Best.Value);
        Assert.All(snapshot.Trials.Where(t => t.State == TrialState.Pruned), t => Assert.True(t.IntermediateValues.Count < 6));
        var momentum = snapshot.Dimensions.Single(d => d.Name == "Momentum");
        Assert.Equal("Optimizer", momentum.ConditionParent);
        Assert.All(snapshot.Trials.Where(t => t.Parameters.TryGetValue("Optimizer", out var o) && o == "adam"), t => Assert.False(t.Parameters.ContainsKey("Momentum")));
        Assert.All(snapshot.Trials.Where(t => t.State != TrialState.Failed), t => Assert.IsType<long>(t.Values["Units"]));
        Assert.All(snapshot.Trials.Where(t => t.State != TrialState.Failed), t => Assert.IsType<double>(t.Values["Rate"]));
    }

    [Fact]
    public void Studies_lists_the_study_with_its_counts_and_best_value()
    {
        var (code, output, error) = CliRunner.Run("studies", _fixture.Store);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string line = output.Split('\n').Single(l => l.Contains(StudyFixture.StudyName, StringComparison.Ordinal));
        var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var s = _fixture.Snapshot;
        Assert.Equal(new[] { StudyFixture.StudyName, "Minimize", s.Count(TrialState.Complete).ToString(), s.Count(TrialState.Pruned).ToString(), "1", "0", s.Best!.Value!.Value.ToString("G6", CultureInfo.InvariantCulture) }, cells);
        Assert.Equal(StudyStore.ListStudies(_fixture.Store), new[] { StudyFixture.StudyName });
    }

    [Fact]
    public void Show_prints_the_counts_the_best_parameters_and_a_leaderboard_led_by_the_best_trial()
    {
        var (code, output, error) = CliRunner.Run("show", _fixture.Store, StudyFixture.StudyName, "--top", "5");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var s = _fixture.Snapshot;
        var best = s.Best!;
        Assert.Contains($"Study '{StudyFixture.StudyName}' (Minimize)", output, StringComparison.Ordinal);
        Assert.Contains($"{s.Count(TrialState.Complete)} complete, {s.Count(TrialState.Pruned)} pruned, 1 failed, 0 running", output, StringComparison.Ordinal);
        Assert.Contains($"Best trial: {best.Number}, value {best.Value!.Value.ToString("G6", CultureInfo.InvariantCulture)}", output, StringComparison.Ordinal);
        Assert.Contains($"Rate      = {best.Parameters["Rate"]}", output, StringComparison.Ordinal);
        Assert.Contains("Rate       [0.0001, 1] log", output, StringComparison.Ordinal);
        Assert.Contains("Momentum   [0, 0.99] when Optimizer in {sgd}", output, StringComparison.Ordinal);

        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int header = lines.FindIndex(l => l.TrimStart().StartsWith("rank", StringComparison.Ordinal));
        Assert.Contains($"Leaderboard (top 5 of {s.Count(TrialState.Complete)} complete):", lines[header - 1], StringComparison.Ordinal);
        var rows = lines.Skip(header + 1).Where(l => l.Length > 0).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(5, rows.Count);
        var ranked = s.Ranked();
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal((i + 1).ToString(), rows[i][0]);
            Assert.Equal(ranked[i].Number.ToString(), rows[i][1]);
        }

        Assert.Equal(best.Number.ToString(), rows[0][1]);
        var values = rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderBy(v => v), values);
    }

    [Fact]
    public void Export_csv_writes_one_rfc4180_row_per_trial_with_a_column_per_parameter_in_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var (code, output, error) = CliRunner.Run("export", _fixture.Store, StudyFixture.StudyName, "--format", "csv");

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            var rows = CliRunner.ParseCsv(output);
            Assert.Equal(new[] { "number", "state", "value", "started_at", "completed_at", "duration_seconds", "seed", "steps", "Rate", "Units", "Optimizer", "Momentum", "error" }, rows[0]);
            var s = _fixture.Snapshot;
            Assert.Equal(s.Trials.Count + 1, rows.Count);
            foreach (var trial in s.Trials)
            {
                var row = rows[trial.Number + 1];
                Assert.Equal(13, row.Count);
                Assert.Equal(trial.State.ToString(), row[1]);
                Assert.Equal(trial.Value, row[2].Length == 0 ? null : double.Parse(row[2], CultureInfo.InvariantCulture));
                Assert.Equal(trial.IntermediateValues.Count.ToString(), row[7]);
                Assert.Equal(trial.Parameters.GetValueOrDefault("Rate") ?? string.Empty, row[8]);
                Assert.Equal(trial.Parameters.GetValueOrDefault("Momentum") ?? string.Empty, row[11]);
            }

            Assert.Equal("InvalidOperationException: Trial 3 fails on purpose, with a comma, and \"quotes\".", rows[4][12]);
            Assert.Contains("\"InvalidOperationException: Trial 3 fails on purpose, with a comma, and \"\"quotes\"\".\"", output, StringComparison.Ordinal);
            Assert.DoesNotContain(rows.Skip(1), r => r[2].Contains(',', StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Export_json_to_a_file_writes_the_study_with_typed_parameters_and_learning_curves()
    {
        string path = Path.Combine(_fixture.Folder, "export.json");

        var (code, output, error) = CliRunner.Run("export", _fixture.Store, StudyFixture.StudyName, "--format", "json", "--out", path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains(path, output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var s = _fixture.Snapshot;
        Assert.Equal(StudyFixture.StudyName, root.GetProperty("name").GetString());
        Assert.Equal("Minimize", root.GetProperty("direction").GetString());
        Assert.Equal(s.Best!.Number, root.GetProperty("best").GetInt32());
        Assert.Equal(4, root.GetProperty("dimensions").GetArrayLength());
        Assert.Equal("Log", root.GetProperty("dimensions")[0].GetProperty("scale").GetString());
        Assert.Equal(s.Count(TrialState.Pruned), root.GetProperty("counts").GetProperty("pruned").GetInt32());
        var trials = root.GetProperty("trials");
        Assert.Equal(s.Trials.Count, trials.GetArrayLength());
        var best = trials[s.Best.Number];
        Assert.Equal(s.Best.Value, best.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Number, best.GetProperty("parameters").GetProperty("Rate").ValueKind);
        Assert.Equal((long)s.Best.Values["Units"], best.GetProperty("parameters").GetProperty("Units").GetInt64());
        Assert.Equal(JsonValueKind.String, best.GetProperty("parameters").GetProperty("Optimizer").ValueKind);
        Assert.Equal(6, best.GetProperty("intermediateValues").GetArrayLength());
        Assert.Equal(1, best.GetProperty("intermediateValues")[0].GetProperty("step").GetInt32());
        Assert.Equal(JsonValueKind.Null, trials[3].GetProperty("value").ValueKind);
        Assert.Contains("on purpose", trials[3].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_writes_every_png_at_the_size_asked_for()
    {
        string folder = Path.Combine(_fixture.Folder, "plots");

        var (code, output, error) = CliRunner.Run("plot", _fixture.Store, StudyFixture.StudyName, "--out", folder, "--width", "640", "--height", "400");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        string[] expected = { "history.png", "importance.png", "learning-curves.png", "parameter-Rate.png", "parameter-Units.png", "parameter-Optimizer.png", "parameter-Momentum.png" };
        Assert.Equal(expected.OrderBy(n => n), Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(n => n));
        foreach (string name in expected)
        {
            Assert.Contains(Path.Combine(folder, name), output, StringComparison.Ordinal);
            Assert.Equal((640, 400), CliRunner.PngSize(Path.Combine(folder, name)));
        }
    }

    [Fact]
    public void A_missing_store_is_one_line_and_exit_code_2_and_no_file_is_created()
    {
        string path = Path.Combine(_fixture.Folder, "nope", "missing.db");
        foreach (var args in new[] { new[] { "studies", path }, new[] { "show", path, "x" }, new[] { "export", path, "x" }, new[] { "plot", path, "x", "--out", _fixture.Folder } })
        {
            var (code, output, error) = CliRunner.Run(args);

            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            AssertOneLine(error, $"hypertune: The study store '{path}' does not exist.");
        }

        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void An_unknown_study_is_one_line_naming_the_studies_the_store_has()
    {
        var (code, output, error) = CliRunner.Run("show", _fixture.Store, "nope");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        AssertOneLine(error, $"hypertune: The store '{_fixture.Store}' has no study named 'nope' (it has 'cli-study').");
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_one_line()
    {
        string text = Path.Combine(_fixture.Folder, "notes.txt");
        File.WriteAllText(text, "This is not a database, it is a text file with enough bytes to not be mistaken for an empty one.\n");
        string other = Path.Combine(_fixture.Folder, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE people (name TEXT)";
            command.ExecuteNonQuery();
        }

        foreach (string path in new[] { text, other })
        {
            var (code, output, error) = CliRunner.Run("studies", path);

            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            AssertOneLine(error, $"hypertune: The file '{path}' is not a HyperTune study store");
        }

        var (dirCode, _, dirError) = CliRunner.Run("studies", _fixture.Folder);
        Assert.Equal(2, dirCode);
        AssertOneLine(dirError, $"hypertune: The study store '{_fixture.Folder}' is a directory, not a file.");
    }

    [Fact]
    public void A_store_written_by_a_newer_version_is_one_line()
    {
        string path = Path.Combine(_fixture.Folder, "newer.db");
        File.Copy(_fixture.Store, path);
        foreach (string sidecar in new[] { "-wal", "-shm" })
        {
            if (File.Exists(_fixture.Store + sidecar))
            {
                File.Copy(_fixture.Store + sidecar, path + sidecar);
            }
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE hypertune_meta SET value = '999' WHERE key = 'schema_version'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var (code, output, error) = CliRunner.Run("show", path, StudyFixture.StudyName);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        AssertOneLine(error, $"hypertune: The study store '{path}' has schema version 999, written by a newer HyperTune");
    }

    [Fact]
    public void Bad_command_lines_exit_non_zero_without_a_stack_trace()
    {
        var cases = new[]
        {
            new[] { "export", _fixture.Store, StudyFixture.StudyName, "--format", "xml" },
            new[] { "plot", _fixture.Store, StudyFixture.StudyName },
            new[] { "show", _fixture.Store },
            new[] { "show", _fixture.Store, StudyFixture.StudyName, "--top", "0" },
            new[] { "frobnicate" },
        };
        foreach (var args in cases)
        {
            var (code, _, error) = CliRunner.Run(args);

            Assert.Equal(1, code);
            Assert.NotEqual(string.Empty, error);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_one_line_and_exit_code_3()
    {
        string file = Path.Combine(_fixture.Folder, "a-file");
        File.WriteAllText(file, "x");

        var (plotCode, _, plotError) = CliRunner.Run("plot", _fixture.Store, StudyFixture.StudyName, "--out", file);
        var (exportCode, _, exportError) = CliRunner.Run("export", _fixture.Store, StudyFixture.StudyName, "--out", Path.Combine(file, "x.csv"));

        Assert.Equal(3, plotCode);
        AssertOneLine(plotError, $"hypertune: cannot write: '{file}' is a file");
        Assert.Equal(3, exportCode);
        AssertOneLine(exportError, "hypertune: cannot write:");
    }

    private static void AssertOneLine(string error, string start)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got: {error}");
        Assert.StartsWith(start, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
