using HyperTune;

namespace Digits;

/// <summary>
/// The hyperparameters of a digit classifier, as practice tunes them: the learning rate on a log
/// scale (the most important one), the mini-batch size, the network's width and depth, the
/// optimiser (momentum only where it applies) and weight decay. Epochs are decided by early
/// stopping on the validation loss, with the best epoch's weights restored.
/// </summary>
[LearningRateDecay(DecayKind.Step, StepSize = 15, Gamma = 0.5)]
[EarlyStopping(6, MinDelta = 1e-4, RestoreBestWeights = true)]
public partial class DigitsConfig
{
    [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; } = 0.003;
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;
    [Epochs(60)] public int Epochs { get; set; } = 60;
    [HiddenLayers(1, 3)] public int HiddenLayers { get; set; } = 1;
    [HiddenUnits(16, 256, Scale.Log)] public int HiddenUnits { get; set; } = 64;
    [Optimizer(OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    [Momentum(0.5, 0.99)][ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; } = 0.9;
    [WeightDecay(1e-6, 1e-3, Scale.Log)] public double WeightDecay { get; set; } = 1e-5;
}
