using System;
using System.Globalization;
using HyperTune;

namespace StrictConsumer;

/// <summary>Uses each config's generated members, so that they are compiled and called.</summary>
internal static class Program
{
    private static int Main()
    {
        var random = new Random(1);
        var data = Dataset.Classification(
            [[0f, 0f], [0f, 1f], [1f, 0f], [1f, 1f]],
            [0, 1, 1, 0]);
        var options = new TrainOptions { Seed = 1 };

        var full = FullConfig.SearchSpace.Sample(random);
        var fixedConfig = FixedConfig.SearchSpace.Sample(random);
        var record = RecordConfig.SearchSpace.Sample(random);
        var derived = DerivedConfig.SearchSpace.Sample(random);
        var step = StepConfig.SearchSpace.Sample(random);
        var caseConfig = CaseConfig.SearchSpace.Sample(random);
        var structConfig = StructConfig.SearchSpace.Sample(random);

        double[] unit = new double[CaseConfig.SearchSpace.DimensionCount];
        CaseConfig.SearchSpace.Encode(caseConfig, unit);

        double loss = full.Train(data, data, options).History[^1].TrainLoss
            + fixedConfig.Train(data, data, options).History[^1].TrainLoss
            + record.Train(data, data, options).History[^1].TrainLoss
            + derived.Train(data, data, options).History[^1].TrainLoss
            + step.Train(data, data, options).History[^1].TrainLoss;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Strict consumer: {loss:F3}, {structConfig.Value:F3}, {unit[0]:F3}"));
        return double.IsFinite(loss) ? 0 : 1;
    }
}
