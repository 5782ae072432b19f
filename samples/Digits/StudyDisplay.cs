using System.Globalization;
using HyperTune;
using Spectre.Console;

namespace Digits;

/// <summary>
/// The study as it runs (trials done, pruned and failed, the best so far and its parameters, elapsed
/// time) and, at the end, a leaderboard.
/// </summary>
internal sealed class StudyDisplay : IProgress<TuneProgress>
{
    private readonly object _gate = new();
    private TuneProgress? _last;

    /// <summary>The latest report.</summary>
    public TuneProgress? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <inheritdoc/>
    public void Report(TuneProgress value)
    {
        lock (_gate)
        {
            _last = value;
        }
    }

    /// <summary>The live panel for the latest report.</summary>
    public Panel Render(TimeSpan elapsed)
    {
        var last = Last;
        var grid = new Grid().AddColumn().AddColumn();
        if (last is null)
        {
            grid.AddRow("trials", "starting...");
        }
        else
        {
            grid.AddRow("trials", $"[green]{last.Complete} complete[/], [yellow]{last.Pruned} pruned[/], [red]{last.Failed} failed[/], {last.Running} running — {last.Finished} of {last.TargetTrials}");
            grid.AddRow("best", last.BestValue is double best ? $"[bold]{best:0.0000}[/] validation loss (trial #{last.BestNumber})" : "none complete yet");
            if (last.BestParameters is { } parameters)
            {
                grid.AddRow("its parameters", Markup.Escape(Describe(parameters)));
            }
        }

        grid.AddRow("elapsed", $"{elapsed.TotalSeconds:0.0} s");
        return new Panel(grid).Header("DigitsConfig.Tune: TPE + Hyperband").Expand();
    }

    /// <summary>The best complete trials, best first.</summary>
    public static Table Leaderboard(Study<DigitsConfig> study, int rows)
    {
        var table = new Table().Title("Leaderboard").AddColumns("#", "val loss", "epochs", "learning rate", "batch", "layers x units", "optimiser", "weight decay");
        foreach (var trial in study.Trials.Where(t => t.State == TrialState.Complete).OrderBy(t => t.Value).Take(rows))
        {
            var c = trial.Config;
            string optimizer = c.Optimizer == OptimizerKind.Momentum ? $"momentum {c.Momentum:0.00}" : c.Optimizer.ToString();
            table.AddRow(
                trial.Number.ToString(CultureInfo.InvariantCulture), $"{trial.Value:0.0000}", trial.IntermediateValues.Count.ToString(CultureInfo.InvariantCulture),
                $"{c.LearningRate:0.00000}", c.BatchSize.ToString(CultureInfo.InvariantCulture), $"{c.HiddenLayers} x {c.HiddenUnits}", optimizer, $"{c.WeightDecay:0.0e0}");
        }

        return table;
    }

    /// <summary>Parameters as "name value" pairs.</summary>
    public static string Describe(IReadOnlyDictionary<string, object?> parameters) =>
        string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {Format(p.Value)}"));

    private static string Format(object? value) => value switch
    {
        double real => real.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
