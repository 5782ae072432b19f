using HyperTune;

namespace Hyperparameters;

/// <summary>Claim 1: too large a learning rate diverges, too small a one crawls, a good one converges.</summary>
internal static class LearningRateFigure
{
    /// <summary>The top of the loss axis: the diverging run's training loss goes far past it.</summary>
    private const double Ceiling = 1000;

    public static void Draw(Datasets data, RunSettings settings, string path)
    {
        var (train, validation) = data.Digits.Split(0.75, seed: 1);
        if (settings.Quick) train = Datasets.Take(train, 300, seed: 1);
        int epochs = settings.Pick(60, 4);
        settings.Output.WriteLine($"digits, {train.Count} rows to train, {validation.Count} to validate.");
        (double Rate, string Verdict)[] rates = [(3.0, "too large"), (0.1, "good"), (1e-4, "too small")];

        var plot = Chart.NewPlot(
            "Learning rate: too large diverges, too small crawls (digits, SGD, batch 32)",
            "epoch", "cross-entropy loss (log scale)");
        double floor = double.MaxValue;
        for (int i = 0; i < rates.Length; i++)
        {
            var (rate, verdict) = rates[i];
            var config = new FixedEpochsConfig { LearningRate = rate, Epochs = epochs, BatchSize = 32, HiddenUnits = 64, Optimizer = OptimizerKind.Sgd };
            var result = config.Train(train, validation);
            var history = result.History;
            var x = history.Select(h => h.Epoch + 1.0).ToArray();
            Chart.Line(plot, x, Chart.Log10(history.Select(h => h.TrainLoss)), Chart.Colors[i], $"lr {rate:G3} ({verdict}): training");
            var validationLine = Chart.Line(plot, x, Chart.Log10(history.Select(h => h.ValidationLoss ?? double.NaN)), Chart.Colors[i], $"lr {rate:G3} ({verdict}): validation", dashed: true);
            if (result.Failed) validationLine.MarkerSize = 7;

            floor = Math.Min(floor, history.Where(h => double.IsFinite(h.TrainLoss)).Min(h => h.TrainLoss));
            var last = history[^1];
            if (result.Failed)
            {
                // The guard stops in the epoch whose loss went NaN; that epoch is recorded when any batch of it ran.
                int nanEpoch = double.IsFinite(last.TrainLoss) ? history.Count + 1 : history.Count;
                Chart.Marker(plot, nanEpoch, Math.Log10(Ceiling) - 0.3, $"lr {rate:G3}: loss NaN in epoch {nanEpoch}; the NaN guard stopped the run", Chart.Colors[i]);
                Chart.Note(plot, 1.3, Math.Log10(Ceiling) - 0.8, $"lr {rate:G3}: training loss {history[0].TrainLoss:0.0e0} in epoch 1 (off the chart), validation loss {history[0].ValidationLoss:0.0}", Chart.Colors[i]);
                var finite = history.Where(h => h.ValidationLoss is double v && double.IsFinite(v)).ToList();
                settings.Output.WriteLine(
                    $"lr {rate:G3}: {result.StopReason} in epoch {nanEpoch} (step {last.Step}); last finite validation loss " +
                    (finite.Count > 0 ? $"{finite[^1].ValidationLoss:0.00} after epoch {finite[^1].Epoch + 1}." : "none."));
            }
            else
            {
                settings.Output.WriteLine(
                    $"lr {rate:G3}: {result.StopReason} after {history.Count} epochs; validation loss {history[0].ValidationLoss:0.000} after epoch 1, " +
                    $"{last.ValidationLoss:0.000} after epoch {history.Count} (accuracy {last.ValidationAccuracy:P1}); training loss {last.TrainLoss:0.0000}.");
            }
        }

        Chart.LogY(plot, floor, Ceiling);
        plot.Axes.SetLimitsX(0, epochs + 1);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.SavePng(path, Chart.Width, Chart.Height);
    }
}
