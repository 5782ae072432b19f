using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using HyperTune.Plots;

namespace HyperTune.Cli;

/// <summary>
/// The <c>hypertune</c> commands. Every failure the user can cause (a missing file, an unknown study, a
/// store written by a newer HyperTune, a file that is not a store, an unwritable output) prints one line
/// on the error writer and returns a non-zero exit code; no stack trace reaches the user.
/// </summary>
internal static class HyperTuneCommand
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command line did not parse (System.CommandLine's own code).</summary>
    public const int UsageError = 1;

    /// <summary>An input the user named is missing, not a store, from a newer version, or has no such study.</summary>
    public const int InputError = 2;

    /// <summary>An output could not be written.</summary>
    public const int OutputError = 3;

    /// <summary>A bug: an exception nobody expected (still one line).</summary>
    public const int InternalError = 70;

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var result = root.Parse(args);
        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// The command tree. The root is a plain command named <c>hypertune</c>, with the help and version
    /// options a <see cref="RootCommand"/> would add: a <see cref="RootCommand"/> takes its name from the
    /// running assembly (HyperTune.Cli), so help would read "Usage: HyperTune.Cli", not the command
    /// users type (the assembly cannot be named hypertune: names are case-insensitive, and the library is HyperTune).
    /// </summary>
    private static Command Build(TextWriter output, TextWriter error)
    {
        var root = new Command("hypertune", "Look at HyperTune studies without writing code: list them, show a leaderboard, export the trials, plot them; predict with a saved model.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };

        var store = new Argument<string>("store") { Description = "The study store: a SQLite file (study.db) or a PostgreSQL connection string." };
        var study = new Argument<string>("study") { Description = "The study's name (hypertune studies <store> lists them)." };

        var studies = new Command("studies", "List the studies in a store, with their trial counts and best values.") { store };
        studies.SetAction(parse => Guard(error, () => Studies(parse.GetValue(store)!, output)));
        root.Subcommands.Add(studies);

        var top = new Option<int>("--top") { Description = "How many trials the leaderboard shows.", DefaultValueFactory = _ => 10 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--top must be at least 1.");
            }
        });
        var show = new Command("show", "Show a study: its space, trial counts by state, best parameters and a leaderboard.") { store, study, top };
        show.SetAction(parse => Guard(error, () => Show(StudyStore.Load(parse.GetValue(store)!, parse.GetValue(study)!), parse.GetValue(top), output)));
        root.Subcommands.Add(show);

        var format = new Option<string>("--format") { Description = "csv (one row per trial) or json (the whole study).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var exportOut = new Option<string?>("--out") { Description = "The file to write (default: standard output)." };
        var export = new Command("export", "Export a study's trials as CSV or JSON.") { store, study, format, exportOut };
        export.SetAction(parse => Guard(error, () => Export(StudyStore.Load(parse.GetValue(store)!, parse.GetValue(study)!), parse.GetValue(format)!, parse.GetValue(exportOut), output)));
        root.Subcommands.Add(export);

        var plotOut = new Option<string>("--out") { Description = "The folder to write the PNGs into (created when missing).", Required = true };
        var width = new Option<int>("--width") { Description = "Each plot's width in pixels.", DefaultValueFactory = _ => StudyPlots.DefaultWidth };
        var height = new Option<int>("--height") { Description = "Each plot's height in pixels.", DefaultValueFactory = _ => StudyPlots.DefaultHeight };
        foreach (var size in new[] { width, height })
        {
            size.Validators.Add(r =>
            {
                int value = r.GetValueOrDefault<int>();
                if (value < 100 || value > 8000)
                {
                    r.AddError($"{size.Name} must be between 100 and 8000 pixels (got {value}).");
                }
            });
        }

        var plot = new Command("plot", "Plot a study as PNGs: history, importance, learning curves, each parameter against the objective.") { store, study, plotOut, width, height };
        plot.SetAction(parse => Guard(error, () => Plot(StudyStore.Load(parse.GetValue(store)!, parse.GetValue(study)!), parse.GetValue(plotOut)!, parse.GetValue(width), parse.GetValue(height), output)));
        root.Subcommands.Add(plot);

        var model = new Argument<string>("model") { Description = "A model saved by TrainedModel.Save." };
        var rows = new Argument<string>("csv") { Description = "Raw feature rows, comma-separated, one row a line (a header line is skipped when it is not numeric)." };
        var predict = new Command("predict", "Predict with a saved model: one line per row (the class and its probability, or the value).") { model, rows };
        predict.SetAction(parse => Guard(error, () => ModelPrediction.Run(parse.GetValue(model)!, parse.GetValue(rows)!, output)));
        root.Subcommands.Add(predict);
        return root;
    }

    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (OutputException exception)
        {
            error.WriteLine($"hypertune: cannot write: {OneLine(exception.Message)}");
            return OutputError;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or KeyNotFoundException or InvalidDataException or NotSupportedException)
        {
            error.WriteLine($"hypertune: {OneLine(exception.Message)}");
            return InputError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"hypertune: cannot write: {OneLine(exception.Message)}");
            return OutputError;
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"hypertune: {OneLine(exception.Message)}");
            return InputError;
        }
        catch (Exception exception)
        {
            error.WriteLine($"hypertune: unexpected {exception.GetType().Name}: {OneLine(exception.Message)}");
            return InternalError;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static int Studies(string storage, TextWriter output)
    {
        var names = StudyStore.ListStudies(storage);
        if (names.Count == 0)
        {
            output.WriteLine($"The store '{storage}' has no studies.");
            return Ok;
        }

        var rows = new List<string[]> { new[] { "study", "direction", "complete", "pruned", "failed", "running", "best" } };
        foreach (string name in names)
        {
            var snapshot = StudyStore.Load(storage, name);
            rows.Add(new[]
            {
                name, snapshot.Direction.ToString(), Count(snapshot, TrialState.Complete), Count(snapshot, TrialState.Pruned),
                Count(snapshot, TrialState.Failed), Count(snapshot, TrialState.Running), Number(snapshot.Best?.Value),
            });
        }

        WriteTable(output, rows, rightAligned: new[] { false, false, true, true, true, true, true });
        return Ok;
    }

    private static int Show(StudySnapshot snapshot, int top, TextWriter output)
    {
        output.WriteLine($"Study '{snapshot.Name}' ({snapshot.Direction})");
        output.WriteLine(
            $"Trials: {snapshot.Trials.Count} ({Count(snapshot, TrialState.Complete)} complete, {Count(snapshot, TrialState.Pruned)} pruned, "
            + $"{Count(snapshot, TrialState.Failed)} failed, {Count(snapshot, TrialState.Running)} running)");
        output.WriteLine();
        output.WriteLine("Search space:");
        int nameWidth = snapshot.Dimensions.Count == 0 ? 0 : snapshot.Dimensions.Max(d => d.Name.Length);
        foreach (var dimension in snapshot.Dimensions)
        {
            output.WriteLine($"  {dimension.Name.PadRight(nameWidth)}  {dimension.Describe()}");
        }

        output.WriteLine();
        if (snapshot.Best is not { } best)
        {
            output.WriteLine("No trial is complete yet: no best trial, no leaderboard.");
            return Ok;
        }

        output.WriteLine($"Best trial: {best.Number}, value {Number(best.Value)}");
        foreach (var dimension in snapshot.Dimensions)
        {
            if (best.Parameters.TryGetValue(dimension.Name, out string? text))
            {
                output.WriteLine($"  {dimension.Name.PadRight(nameWidth)} = {text}");
            }
        }

        var ranked = snapshot.Ranked();
        output.WriteLine();
        output.WriteLine($"Leaderboard (top {Math.Min(top, ranked.Count)} of {ranked.Count} complete):");
        var header = new[] { "rank", "trial", "value" }.Concat(snapshot.Dimensions.Select(d => d.Name)).ToArray();
        var rows = new List<string[]> { header };
        for (int i = 0; i < Math.Min(top, ranked.Count); i++)
        {
            var trial = ranked[i];
            rows.Add(new[] { (i + 1).ToString(CultureInfo.InvariantCulture), trial.Number.ToString(CultureInfo.InvariantCulture), Number(trial.Value) }
                .Concat(snapshot.Dimensions.Select(d => trial.Parameters.TryGetValue(d.Name, out string? text) ? Short(text) : "-"))
                .ToArray());
        }

        WriteTable(output, rows, rightAligned: header.Select((_, i) => i < 3).ToArray());
        return Ok;
    }

    private static int Export(StudySnapshot snapshot, string format, string? path, TextWriter output)
    {
        if (path is null)
        {
            if (format == "csv")
            {
                StudyExport.WriteCsv(snapshot, output);
            }
            else
            {
                output.WriteLine(StudyExport.ToJson(snapshot));
            }

            return Ok;
        }

        using (var stream = Output(path, () => new FileStream(path, FileMode.Create, FileAccess.Write)))
        {
            if (format == "csv")
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                StudyExport.WriteCsv(snapshot, writer);
            }
            else
            {
                StudyExport.WriteJson(snapshot, stream);
            }
        }

        output.WriteLine($"Wrote {snapshot.Trials.Count} trials of study '{snapshot.Name}' as {format.ToUpperInvariant()} to {path}");
        return Ok;
    }

    private static int Plot(StudySnapshot snapshot, string folder, int width, int height, TextWriter output)
    {
        if (File.Exists(folder))
        {
            throw new OutputException($"'{folder}' is a file; --out names the folder the plots go into.", null);
        }

        foreach (string path in Output(folder, () => StudyPlots.WriteAll(snapshot, folder, width, height)))
        {
            output.WriteLine(path);
        }

        return Ok;
    }

    /// <summary>Runs a write, turning a file-system failure into an <see cref="OutputException"/> that names the path.</summary>
    private static T Output<T>(string path, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: {exception.Message}", exception);
        }
    }

    private static string Count(StudySnapshot snapshot, TrialState state) => snapshot.Count(state).ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is double v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";

    /// <summary>A parameter for a table: long reals shortened to 6 significant digits, text as it is.</summary>
    private static string Short(string text) =>
        text.Length > 8 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : text;

    private static void WriteTable(TextWriter output, List<string[]> rows, bool[] rightAligned)
    {
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    /// <summary>An output the command could not write.</summary>
    private sealed class OutputException : Exception
    {
        public OutputException(string message, Exception? inner)
            : base(message, inner)
        {
        }
    }
}
