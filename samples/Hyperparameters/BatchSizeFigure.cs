using System.Diagnostics;
using HyperTune;
using ScottPlot;

namespace Hyperparameters;

/// <summary>
/// Claim 3: batch size 1 takes many cheap, noisy steps; the whole set takes one smooth, expensive
/// step an epoch; mini-batches get the most out of each second.
/// </summary>
internal static class BatchSizeFigure
{
    public static void Draw(Datasets data, RunSettings settings, string path)
    {
        var (train, validation) = data.Digits.Split(0.75, seed: 1);
        if (settings.Quick) train = Datasets.Take(train, 300, seed: 1);
        int epochs = settings.Pick(30, 3);
        int[] batches = [1, 32, 256, train.Count];
        // Each batch size at its own best learning rate from one grid: a fair race, since a rate that
        // suits one step size per row does not suit another (the best rate grows with the batch).
        double[] grid = settings.Quick ? [0.03] : [0.003, 0.01, 0.03, 0.1, 0.3, 1.0];
        int repeats = settings.Pick(5, 1);

        // A first short run so that no measured run pays for compiling the loop.
        new FixedEpochsConfig { LearningRate = 0.01, Epochs = 1, BatchSize = 32 }.Train(train, validation);

        Plot byEpoch = new(), byTime = new();
        Chart.Style(byEpoch, "Per epoch: smaller batches take more steps and get lower (digits, SGD)", "epoch", "validation loss (log scale)");
        Chart.Style(byTime, "Against wall time: an epoch of batch 1 costs about 4x more", $"wall time, seconds (log scale; each epoch its fastest of {repeats} runs)", "validation loss (log scale)");
        double lossMin = double.MaxValue, lossMax = 0, timeMin = double.MaxValue, timeMax = 0;
        for (int i = 0; i < batches.Length; i++)
        {
            int batch = batches[i];
            string name = batch == 1 ? "1 (stochastic)" : batch == train.Count ? $"{batch} = all (batch GD)" : $"{batch} (mini-batch)";
            (double Rate, TrainingResult Result, List<double> Seconds)? best = null;
            foreach (double rate in grid)
            {
                var clock = new EpochClock();
                var config = new FixedEpochsConfig { LearningRate = rate, Epochs = epochs, BatchSize = batch, HiddenUnits = 64, Optimizer = OptimizerKind.Sgd };
                var result = config.Train(train, validation, new TrainOptions { Progress = clock });
                double final = result.History[^1].ValidationLoss ?? double.NaN;
                if (!result.Failed && double.IsFinite(final) && (best is null || final < best.Value.Result.History[^1].ValidationLoss))
                {
                    best = (rate, result, clock.Seconds);
                }
            }

            if (best is not { } chosen)
            {
                settings.Output.WriteLine($"batch {name}: every learning rate of the grid diverged.");
                continue;
            }

            // Wall time on a shared machine stalls at random: rerun the chosen config (same seed, so the
            // same losses) and keep each epoch's shortest duration of all the runs.
            var seconds = Fastest(chosen.Seconds, repeats, () =>
            {
                var clock = new EpochClock();
                new FixedEpochsConfig { LearningRate = chosen.Rate, Epochs = epochs, BatchSize = batch, HiddenUnits = 64, Optimizer = OptimizerKind.Sgd }
                    .Train(train, validation, new TrainOptions { Progress = clock });
                return clock.Seconds;
            });
            var history = chosen.Result.History;
            var loss = history.Select(h => h.ValidationLoss ?? double.NaN).ToArray();
            string legend = $"batch {name}, lr {chosen.Rate:G3}";
            Chart.Line(byEpoch, history.Select(h => h.Epoch + 1.0).ToArray(), Chart.Log10(loss), Chart.Colors[i], legend);
            Chart.Line(byTime, Chart.Log10(seconds), Chart.Log10(loss), Chart.Colors[i], legend);
            lossMin = Math.Min(lossMin, loss.Min());
            lossMax = Math.Max(lossMax, loss.Max());
            timeMin = Math.Min(timeMin, seconds[0]);
            timeMax = Math.Max(timeMax, seconds[^1]);
            int epochsTo = history.TakeWhile(h => h.ValidationLoss > 0.25).Count() + 1;
            settings.Output.WriteLine(
                $"batch {name}: best lr {chosen.Rate:G3}; {history[^1].Step} steps in {history.Count} epochs, {seconds[^1]:0.000} s " +
                $"({seconds[^1] / history[^1].Step * 1e6:0} us a step incl. validation); validation loss {history[^1].ValidationLoss:0.000} " +
                $"(accuracy {history[^1].ValidationAccuracy:P1}); " +
                (epochsTo <= history.Count ? $"below 0.25 after epoch {epochsTo}, {seconds[epochsTo - 1]:0.000} s." : "never below 0.25."));
        }

        settings.Output.WriteLine($"Load average while timing: {LoadAverage()}; each epoch's time is the shortest of {repeats} identical runs.");
        Chart.LogY(byEpoch, lossMin, lossMax);
        Chart.LogY(byTime, lossMin, lossMax);
        Chart.LogX(byTime, timeMin, timeMax);
        byEpoch.ShowLegend(Alignment.UpperRight);
        byTime.ShowLegend(Alignment.UpperRight);
        Chart.SaveSideBySide(path, byEpoch, byTime);
    }

    /// <summary>The cumulative time at the end of each epoch, built from each epoch's shortest duration over <paramref name="first"/> and <paramref name="more"/> runs of it.</summary>
    private static List<double> Fastest(List<double> first, int runs, Func<List<double>> more)
    {
        var durations = Durations(first);
        for (int run = 1; run < runs; run++)
        {
            var other = Durations(more());
            for (int e = 0; e < durations.Count; e++) durations[e] = Math.Min(durations[e], other[e]);
        }

        var cumulative = new List<double>(durations.Count);
        double sum = 0;
        foreach (double d in durations) cumulative.Add(sum += d);
        return cumulative;
    }

    private static List<double> Durations(List<double> cumulative) =>
        cumulative.Select((t, e) => e == 0 ? t : t - cumulative[e - 1]).ToList();

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>Notes the time since the run began at the end of each epoch (after its validation pass), on the training thread.</summary>
    private sealed class EpochClock : IProgress<EpochRecord>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public List<double> Seconds { get; } = [];

        public void Report(EpochRecord value) => Seconds.Add(_clock.Elapsed.TotalSeconds);
    }
}
