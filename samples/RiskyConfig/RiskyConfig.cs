using HyperTune;

namespace RiskyConfig;

/// <summary>Every setting here is one practice warns against; the analyzers say so as you type.</summary>
[EarlyStopping(40)]
public partial class RiskyConfig
{
    [LearningRate(0.00001, 10)] public double LearningRate { get; set; } = 0.01;

    [BatchSize(1, 64, 1024)] public int BatchSize { get; set; } = 64;

    [Epochs(30)] public int Epochs { get; set; } = 30;

    [HiddenLayers(1, 6)] public int HiddenLayers { get; set; } = 2;

    [Momentum(0.5, 1.2)] public double Momentum { get; set; } = 0.9;
}
