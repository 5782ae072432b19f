using HyperTune;

namespace Hyperparameters;

/// <summary>
/// Claim 5: more hidden units keep lowering the training error, while the validation error bottoms
/// out and then rises: past that width the network fits noise (overfitting).
/// </summary>
internal static class HiddenUnitsFigure
{
    public static void Draw(Datasets data, RunSettings settings, string path)
    {
        int[] units = settings.Quick ? [2, 16, 128] : [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
        int seeds = settings.Pick(3, 1);
        int epochs = settings.Pick(200, 5);
        var trainError = new double[units.Length];
        var validationError = new double[units.Length];
        int trainRows = 0, validationRows = 0;
        for (int seed = 0; seed < seeds; seed++)
        {
            // Half of the 442 patients to train, half to validate; a new split and initialisation each seed.
            var (train, validation, _, _) = Datasets.SplitRegression(data.Diabetes, 0.5, seed: 7 + seed);
            (trainRows, validationRows) = (train.Count, validation.Count);
            for (int i = 0; i < units.Length; i++)
            {
                var config = new FixedEpochsConfig { HiddenUnits = units[i], Optimizer = OptimizerKind.Adam, LearningRate = 0.003, BatchSize = 32, Epochs = epochs };
                var result = config.Train(train, validation, new TrainOptions { Seed = seed });
                trainError[i] += result.Model.Evaluate(train).Loss / seeds;
                validationError[i] += result.Model.Evaluate(validation).Loss / seeds;
            }
        }

        int bestIndex = Array.IndexOf(validationError, validationError.Min());
        var plot = Chart.NewPlot(
            "Hidden units: wider keeps lowering training error; past a few units validation error rises",
            "hidden units (one layer, log scale)", "mean squared error (standardised target)");
        var x = units.Select(u => Math.Log2(u)).ToArray();
        var trainLine = Chart.Line(plot, x, trainError, Chart.Colors[0], "training error");
        var validationLine = Chart.Line(plot, x, validationError, Chart.Colors[1], "validation error");
        trainLine.MarkerSize = validationLine.MarkerSize = 9;
        Chart.Marker(plot, x[bestIndex], validationError.Max() * 1.05, $"{units[bestIndex]} units: lowest validation error", Chart.Colors[2]);
        Chart.Log2Axis(plot.Axes.Bottom, units);
        plot.Axes.SetLimitsY(0, Math.Max(1.0, validationError.Max() * 1.12));
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.SavePng(path, Chart.Width, Chart.Height);

        settings.Output.WriteLine(
            $"diabetes, {trainRows} rows to train and {validationRows} to validate; Adam lr 0.003, batch 32, {epochs} epochs, no early stopping; mean of {seeds} seeds " +
            "(MSE of the standardised target: 1 is what predicting the training mean scores on the training set).");
        for (int i = 0; i < units.Length; i++)
        {
            settings.Output.WriteLine($"  {units[i],3} units: training MSE {trainError[i]:0.000}, validation MSE {validationError[i]:0.000}{(i == bestIndex ? "  <- lowest validation" : "")}");
        }
    }
}
