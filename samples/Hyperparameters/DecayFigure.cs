using HyperTune;
using ScottPlot;

namespace Hyperparameters;

/// <summary>Claim 2: decaying a large initial rate lets the loss settle lower than keeping it constant.</summary>
internal static class DecayFigure
{
    public static void Draw(Datasets data, RunSettings settings, string path)
    {
        var (train, validation) = data.BreastCancer.Split(0.75, seed: 1);
        int epochs = settings.Pick(60, 4);
        settings.Output.WriteLine($"breast cancer, {train.Count} rows to train, {validation.Count} to validate.");
        const double rate = 0.3;
        const int batch = 32, units = 128;

        // Three configs that differ only in their [LearningRateDecay]; same data, seed and initial rate.
        (string Name, Func<Dataset, Dataset, TrainingResult> Train)[] runs =
        [
            ("constant", (t, v) => new ConstantRateConfig { LearningRate = rate, Epochs = epochs, BatchSize = batch, HiddenUnits = units }.Train(t, v)),
            ("step: x0.5 every 10 epochs", (t, v) => new StepDecayConfig { LearningRate = rate, Epochs = epochs, BatchSize = batch, HiddenUnits = units }.Train(t, v)),
            ("exponential: x0.93 every epoch", (t, v) => new ExponentialDecayConfig { LearningRate = rate, Epochs = epochs, BatchSize = batch, HiddenUnits = units }.Train(t, v)),
        ];

        Plot loss = new(), schedule = new();
        Chart.Style(loss, $"Breast cancer, SGD from lr {rate}: decay keeps validation loss low", "epoch", "validation loss");
        Chart.Style(schedule, "The learning rate each epoch ran with", "epoch", "learning rate (log scale)");
        double rateMin = rate;
        for (int i = 0; i < runs.Length; i++)
        {
            var result = runs[i].Train(train, validation);
            var history = result.History;
            var x = history.Select(h => h.Epoch + 1.0).ToArray();
            Chart.Line(loss, x, history.Select(h => h.ValidationLoss ?? double.NaN).ToArray(), Chart.Colors[i], runs[i].Name);
            Chart.Line(schedule, x, Chart.Log10(history.Select(h => h.LearningRate)), Chart.Colors[i], runs[i].Name);
            rateMin = Math.Min(rateMin, history.Min(h => h.LearningRate));
            var best = history[result.BestEpoch ?? history.Count - 1];
            settings.Output.WriteLine(
                $"{runs[i].Name}: validation loss {history[^1].ValidationLoss:0.0000} after epoch {history.Count} (accuracy {history[^1].ValidationAccuracy:P1}), " +
                $"lowest {best.ValidationLoss:0.0000} at epoch {best.Epoch + 1}; last rate {history[^1].LearningRate:G3}; {result.StopReason}.");
        }

        Chart.LogY(schedule, rateMin, rate);
        loss.ShowLegend(Alignment.UpperLeft);
        schedule.ShowLegend(ScottPlot.Alignment.LowerLeft);
        Chart.SaveSideBySide(path, loss, schedule);
    }
}
