using HyperTune;

namespace Digits;

/// <summary>
/// The hyperparameters of a digit classifier, as practice tunes them: the learning rate on a log scale
/// (the one that matters most), the mini-batch size, the network's width and depth, the optimiser
/// (momentum only where it applies) and weight decay. The rate decays exponentially each epoch; early
/// stopping on the validation loss decides the epochs, restoring the best epoch's weights; a NaN loss
/// stops a diverging run (on by default). Pixels are scaled to [0, 1] (min-max), as the data's 0..16
/// range asks.
/// </summary>
[LearningRateDecay(DecayKind.Exponential, Gamma = 0.95)]
[EarlyStopping(5, MinDelta = 1e-4, RestoreBestWeights = true)]
public partial class DigitsConfig
{
    [LearningRate(0.3, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;

    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    [Epochs(30)] public int Epochs { get; set; } = 30;

    [HiddenLayers(1, 3)] public int HiddenLayers { get; set; } = 1;

    [HiddenUnits(16, 256, Scale.Log)] public int HiddenUnits { get; set; } = 64;

    [Optimizer(OptimizerKind.Momentum, OptimizerKind.Adam, OptimizerKind.AdaGrad, OptimizerKind.RmsProp)]
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    [Momentum(0.5, 0.99)][ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; } = 0.9;

    [WeightDecay(1e-6, 1e-3, Scale.Log)] public double WeightDecay { get; set; } = 1e-5;

    /// <summary>How the pixels are scaled before training: to [0, 1].</summary>
    public InputScaling Scaling { get; set; } = InputScaling.MinMax;
}
