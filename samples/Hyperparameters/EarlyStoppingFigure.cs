using HyperTune;

namespace Hyperparameters;

/// <summary>
/// Claim 4: early stopping ends training once the validation loss has not improved for its
/// patience, and hands back the weights of the best epoch rather than the last.
/// </summary>
internal static class EarlyStoppingFigure
{
    public static void Draw(Datasets data, RunSettings settings, string path)
    {
        var (train, validation) = data.BreastCancer.Split(0.6, seed: 3);
        // A wide network and Adam on 341 rows: it fits the training set far past the point where validation stops improving.
        var config = new EarlyStoppedConfig { LearningRate = 0.001, BatchSize = 32, HiddenLayers = 2, HiddenUnits = 256, Epochs = settings.Pick(200, 4), Optimizer = OptimizerKind.Adam };
        var result = config.Train(train, validation);
        var history = result.History;
        int stopped = history.Count;
        int best = (result.BestEpoch ?? history.Count - 1) + 1;

        var plot = Chart.NewPlot(
            "Early stopping: training loss keeps falling; the monitor stops once validation loss turns up",
            "epoch", "cross-entropy loss (log scale)");
        var x = history.Select(h => h.Epoch + 1.0).ToArray();
        Chart.Line(plot, x, Chart.Log10(history.Select(h => h.TrainLoss)), Chart.Colors[0], "training loss");
        Chart.Line(plot, x, Chart.Log10(history.Select(h => h.ValidationLoss ?? double.NaN)), Chart.Colors[1], "validation loss");
        var losses = history.SelectMany(h => new[] { h.TrainLoss, h.ValidationLoss ?? double.NaN }).Where(double.IsFinite).ToList();
        double top = Math.Log10(losses.Max());
        Chart.Marker(plot, best, top, $"epoch {best}: best validation loss; its weights are restored", Chart.Colors[2]);
        Chart.Marker(plot, stopped, top - 0.25,
            result.StopReason == StopReason.EarlyStopping ? $"epoch {stopped}: 10 epochs without improvement, stopped" : $"epoch {stopped}: {result.StopReason}",
            Chart.Colors[3], labelLeft: true);
        Chart.LogY(plot, losses.Min(), losses.Max());
        plot.Axes.SetLimitsX(0, stopped + 2);
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.SavePng(path, Chart.Width, Chart.Height);

        // The returned model must score what the best epoch scored, not what the last one did.
        var restored = result.Model.Evaluate(validation);
        settings.Output.WriteLine(
            $"breast cancer, {train.Count} rows to train, {validation.Count} to validate; {config.HiddenLayers}x{config.HiddenUnits} units, Adam lr {config.LearningRate}.");
        settings.Output.WriteLine(
            $"{result.StopReason} after epoch {stopped}; best epoch {best}: validation loss {history[best - 1].ValidationLoss:0.0000} (accuracy {history[best - 1].ValidationAccuracy:P1}); " +
            $"last epoch: {history[^1].ValidationLoss:0.0000} (accuracy {history[^1].ValidationAccuracy:P1}); training loss {history[best - 1].TrainLoss:0.0000} -> {history[^1].TrainLoss:0.0000}.");
        settings.Output.WriteLine(
            $"The returned model scores validation loss {restored.Loss:0.0000} (accuracy {restored.Accuracy:P1}): the best epoch's weights.");
    }
}
