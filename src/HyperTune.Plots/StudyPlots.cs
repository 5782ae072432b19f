using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScottPlot;

namespace HyperTune.Plots;

/// <summary>
/// PNG plots of a stored study: optimisation history, each parameter against the objective, learning
/// curves from intermediate values, and parameter importance (PED-ANOVA). Work from a
/// <see cref="StudySnapshot"/>, so they draw any study without its config type.
/// </summary>
public static class StudyPlots
{
    /// <summary>The default width of a plot, in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>The default height of a plot, in pixels.</summary>
    public const int DefaultHeight = 560;

    private static readonly Color CompleteColor = new(31, 119, 180);
    private static readonly Color PrunedColor = new(255, 127, 14);
    private static readonly Color FailedColor = new(127, 127, 127);
    private static readonly Color BestColor = new(214, 39, 40);

    /// <summary>
    /// Writes every plot into <paramref name="folder"/> (created when missing): <c>history.png</c>,
    /// <c>importance.png</c>, <c>learning-curves.png</c> (when a trial reported intermediate values) and
    /// <c>parameter-&lt;name&gt;.png</c> per dimension.
    /// </summary>
    /// <param name="snapshot">The study.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="width">Each plot's width in pixels.</param>
    /// <param name="height">Each plot's height in pixels.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteAll(StudySnapshot snapshot, string folder, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Save(Plot plot, string name)
        {
            string path = Path.Combine(folder, name);
            plot.SavePng(path, width, height);
            written.Add(path);
        }

        Save(History(snapshot), "history.png");
        Save(Importance(snapshot), "importance.png");
        if (snapshot.Trials.Any(t => t.IntermediateValues.Count > 0))
        {
            Save(LearningCurves(snapshot), "learning-curves.png");
        }

        foreach (var dimension in snapshot.Dimensions)
        {
            Save(Parameter(snapshot, dimension.Name), $"parameter-{FileName(dimension.Name)}.png");
        }

        return written;
    }

    /// <summary>The optimisation history: every finished trial's value by trial number, and the best value so far as a step line.</summary>
    /// <param name="snapshot">The study.</param>
    /// <returns>The plot (save it with <c>SavePng</c>).</returns>
    public static Plot History(StudySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plot = NewPlot($"Optimisation history: {snapshot.Name}", "trial", ObjectiveLabel(snapshot));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        AddPoints(plot, snapshot.Trials.Where(t => t.State == TrialState.Complete && Finite(t.Value)), t => t.Number, CompleteColor, "complete");
        AddPoints(plot, snapshot.Trials.Where(t => t.State == TrialState.Pruned && Finite(t.Value)), t => t.Number, PrunedColor, "pruned (last reported value)");

        var xs = new List<double>();
        var ys = new List<double>();
        double? best = null;
        foreach (var trial in snapshot.Trials.Where(t => t.State == TrialState.Complete && Finite(t.Value)))
        {
            double value = trial.Value!.Value;
            if (best is double current)
            {
                xs.Add(trial.Number);
                ys.Add(current);
            }

            if (best is null || Better(snapshot, value, best.Value))
            {
                best = value;
            }

            xs.Add(trial.Number);
            ys.Add(best.Value);
        }

        if (xs.Count > 0)
        {
            xs.Add(Math.Max(xs[^1], snapshot.Trials.Count - 1));
            ys.Add(ys[^1]);
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), BestColor);
            line.LineWidth = 2;
            line.LegendText = "best so far";
        }

        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// One parameter against the objective: a point per finished trial where the parameter is active. A
    /// log-scale range gets a log axis; a categorical dimension gets one column per candidate (points jittered).
    /// </summary>
    /// <param name="snapshot">The study.</param>
    /// <param name="dimension">The dimension's name.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">The study has no such dimension.</exception>
    public static Plot Parameter(StudySnapshot snapshot, string dimension)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var spec = snapshot.Dimensions.FirstOrDefault(d => d.Name == dimension)
            ?? throw new ArgumentException($"Study '{snapshot.Name}' has no dimension '{dimension}' (it has {string.Join(", ", snapshot.Dimensions.Select(d => d.Name))}).", nameof(dimension));
        bool log = spec.Kind != DimensionKind.Categorical && spec.Scale == Scale.Log;
        string axis = spec.Name + (log ? " (log scale)" : string.Empty);
        var plot = NewPlot($"{spec.Name} against the objective", axis, ObjectiveLabel(snapshot));

        double Position(TrialSnapshot trial)
        {
            string text = trial.Parameters[spec.Name];
            if (spec.Kind == DimensionKind.Categorical)
            {
                int index = IndexOf(spec.Candidates, text);
                return index + Jitter(trial.Number);
            }

            double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return log ? Math.Log10(value) : value;
        }

        bool Shown(TrialSnapshot t) => Finite(t.Value) && t.Parameters.ContainsKey(spec.Name)
            && (spec.Kind == DimensionKind.Categorical ? IndexOf(spec.Candidates, t.Parameters[spec.Name]) >= 0 : !log || Positive(t.Parameters[spec.Name]));
        AddPoints(plot, snapshot.Trials.Where(t => t.State == TrialState.Complete && Shown(t)), Position, CompleteColor, "complete");
        AddPoints(plot, snapshot.Trials.Where(t => t.State == TrialState.Pruned && Shown(t)), Position, PrunedColor, "pruned (last reported value)");
        if (snapshot.Best is { } best && Shown(best))
        {
            var marker = plot.Add.Marker(Position(best), best.Value!.Value, MarkerShape.OpenCircle, 16, BestColor);
            marker.LegendText = $"best (trial {best.Number})";
        }

        if (spec.Kind == DimensionKind.Categorical)
        {
            double[] positions = Enumerable.Range(0, spec.Candidates.Count).Select(i => (double)i).ToArray();
            plot.Axes.Bottom.SetTicks(positions, spec.Candidates.ToArray());
            plot.Axes.SetLimitsX(-0.5, spec.Candidates.Count - 0.5);
        }
        else if (log)
        {
            double low = Math.Log10(spec.Min), high = Math.Log10(spec.Max);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = high - low >= 2,
            };
            double margin = (high - low) * 0.03;
            plot.Axes.SetLimitsX(low - margin, high + margin);
        }
        else
        {
            if (spec.Kind == DimensionKind.Integer)
            {
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            }

            double margin = (spec.Max - spec.Min) * 0.03;
            plot.Axes.SetLimitsX(spec.Min - margin, spec.Max + margin);
        }

        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// The learning curves: each trial's intermediate values against the step. Complete trials in blue;
    /// pruned trials in orange, cut short, with a square where the pruner stopped them; failed trials in grey.
    /// </summary>
    /// <param name="snapshot">The study.</param>
    /// <returns>The plot.</returns>
    public static Plot LearningCurves(StudySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plot = NewPlot($"Learning curves: {snapshot.Name}", "step", "intermediate value");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var labelled = new HashSet<TrialState>();
        foreach (var trial in snapshot.Trials.Where(t => t.IntermediateValues.Count > 0).OrderBy(t => t.State == TrialState.Pruned ? 0 : 1))
        {
            var points = trial.IntermediateValues.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Key).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            Color color = trial.State switch
            {
                TrialState.Pruned => PrunedColor,
                TrialState.Complete => CompleteColor,
                _ => FailedColor,
            };
            var line = plot.Add.Scatter(points.Select(p => (double)p.Key).ToArray(), points.Select(p => p.Value).ToArray(), color.WithAlpha(170));
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
            if (labelled.Add(trial.State))
            {
                line.LegendText = trial.State switch
                {
                    TrialState.Pruned => "pruned (■ where stopped)",
                    TrialState.Complete => "complete",
                    TrialState.Running => "running",
                    _ => "failed",
                };
            }

            if (trial.State == TrialState.Pruned)
            {
                plot.Add.Marker(points[^1].Key, points[^1].Value, MarkerShape.FilledSquare, 7, PrunedColor);
            }
        }

        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Parameter importance (PED-ANOVA, see <see cref="ParameterImportance.PedAnova"/>) as horizontal bars, most important on top.</summary>
    /// <param name="snapshot">The study.</param>
    /// <returns>The plot.</returns>
    public static Plot Importance(StudySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var scores = ParameterImportance.PedAnova(snapshot);
        int complete = snapshot.Count(TrialState.Complete);
        bool undecided = scores.Count > 1 && scores.All(s => s.Importance == scores[0].Importance);
        var plot = NewPlot($"Parameter importance (PED-ANOVA, {complete} complete trials)", "share of importance", string.Empty);
        if (undecided)
        {
            // PED-ANOVA shares equally when no parameter beats chance: say so rather than draw a verdict.
            plot.XLabel("equal shares: no parameter beats chance yet");
        }

        double[] positions = Enumerable.Range(0, scores.Count).Select(i => (double)(scores.Count - 1 - i)).ToArray();
        var bars = new List<Bar>();
        for (int i = 0; i < scores.Count; i++)
        {
            bars.Add(new Bar
            {
                Position = positions[i],
                Value = scores[i].Importance,
                FillColor = CompleteColor,
                Label = scores[i].Importance.ToString("0.00", CultureInfo.InvariantCulture),
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Left.SetTicks(positions, scores.Select(s => s.Parameter).ToArray());
        plot.Axes.SetLimitsX(0, 1.08);
        plot.Axes.SetLimitsY(-0.6, scores.Count - 0.4);
        return plot;
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    private static void AddPoints(Plot plot, IEnumerable<TrialSnapshot> trials, Func<TrialSnapshot, double> x, Color color, string label)
    {
        var list = trials.ToArray();
        if (list.Length == 0)
        {
            return;
        }

        var points = plot.Add.ScatterPoints(list.Select(x).ToArray(), list.Select(t => t.Value!.Value).ToArray(), color.WithAlpha(200));
        points.MarkerSize = 7;
        points.LegendText = label;
    }

    private static string ObjectiveLabel(StudySnapshot snapshot) =>
        snapshot.Direction == Direction.Minimize ? "objective (lower is better)" : "objective (higher is better)";

    private static bool Better(StudySnapshot snapshot, double value, double than) =>
        snapshot.Direction == Direction.Minimize ? value < than : value > than;

    private static bool Finite(double? value) => value is double v && double.IsFinite(v);

    private static bool Positive(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0;

    private static int IndexOf(IReadOnlyList<string> candidates, string text)
    {
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] == text)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A deterministic horizontal offset in [-0.2, 0.2] so that points of one category do not hide each other.</summary>
    private static double Jitter(int number) => ((((uint)number * 2654435761u) % 1000) / 1000.0 * 0.4) - 0.2;

    private static string FileName(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
