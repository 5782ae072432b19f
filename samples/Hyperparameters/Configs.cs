using HyperTune;

namespace Hyperparameters;

// The configs the figures train. Each is an ordinary HyperTune config: the attributes declare the
// search space a tuner would explore, and the generated Train runs the loop. The figures set each
// property to the value they study (Train uses the values as set; the ranges are for tuning).

#pragma warning disable HT0002 // No early stopping on purpose: these figures show what training does when nothing stops it.

/// <summary>
/// A dense network trained for a fixed number of epochs at a constant learning rate: the learning
/// rate, batch size and hidden units figures. Plain SGD unless a figure picks Adam.
/// </summary>
public partial class FixedEpochsConfig
{
    /// <summary>The step size.</summary>
    [LearningRate(1e-5, 1.0, Scale.Log)] public double LearningRate { get; set; } = 0.1;

    /// <summary>Rows a gradient step.</summary>
    [BatchSize(1, 32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    /// <summary>Passes over the training set.</summary>
    [Epochs(300)] public int Epochs { get; set; } = 60;

    /// <summary>Units in the hidden layer.</summary>
    [HiddenUnits(1, 512, Scale.Log)] public int HiddenUnits { get; set; } = 64;

    /// <summary>The optimiser.</summary>
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Sgd;
}

/// <summary>The decay figure's baseline: <see cref="StepDecayConfig"/> without a schedule.</summary>
public partial class ConstantRateConfig
{
    /// <summary>The step size, the same every epoch.</summary>
    [LearningRate(1e-5, 1.0, Scale.Log)] public double LearningRate { get; set; } = 0.5;

    /// <summary>Rows a gradient step.</summary>
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    /// <summary>Passes over the training set.</summary>
    [Epochs(300)] public int Epochs { get; set; } = 60;

    /// <summary>Units in the hidden layer.</summary>
    [HiddenUnits(1, 512, Scale.Log)] public int HiddenUnits { get; set; } = 64;
}

/// <summary>Step decay (PyTorch's <c>StepLR</c>): the rate halves every 10 epochs.</summary>
[LearningRateDecay(DecayKind.Step, StepSize = 10, Gamma = 0.5)]
public partial class StepDecayConfig
{
    /// <summary>The initial step size.</summary>
    [LearningRate(1e-5, 1.0, Scale.Log)] public double LearningRate { get; set; } = 0.5;

    /// <summary>Rows a gradient step.</summary>
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    /// <summary>Passes over the training set.</summary>
    [Epochs(300)] public int Epochs { get; set; } = 60;

    /// <summary>Units in the hidden layer.</summary>
    [HiddenUnits(1, 512, Scale.Log)] public int HiddenUnits { get; set; } = 64;
}

/// <summary>Exponential decay (PyTorch's <c>ExponentialLR</c>): the rate shrinks by 7% every epoch.</summary>
[LearningRateDecay(DecayKind.Exponential, Gamma = 0.93)]
public partial class ExponentialDecayConfig
{
    /// <summary>The initial step size.</summary>
    [LearningRate(1e-5, 1.0, Scale.Log)] public double LearningRate { get; set; } = 0.5;

    /// <summary>Rows a gradient step.</summary>
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    /// <summary>Passes over the training set.</summary>
    [Epochs(300)] public int Epochs { get; set; } = 60;

    /// <summary>Units in the hidden layer.</summary>
    [HiddenUnits(1, 512, Scale.Log)] public int HiddenUnits { get; set; } = 64;
}

#pragma warning restore HT0002

/// <summary>
/// Adam with Keras' early stopping on the validation loss: patience 10, the best epoch's weights
/// restored. The early-stopping and depth figures.
/// </summary>
[EarlyStopping(10, RestoreBestWeights = true)]
public partial class EarlyStoppedConfig
{
    /// <summary>The step size.</summary>
    [LearningRate(1e-5, 1.0, Scale.Log)] public double LearningRate { get; set; } = 0.001;

    /// <summary>Rows a gradient step.</summary>
    [BatchSize(16, 32, 64, 128, 256)] public int BatchSize { get; set; } = 32;

    /// <summary>The most passes over the training set.</summary>
    [Epochs(300)] public int Epochs { get; set; } = 200;

    /// <summary>Hidden layers.</summary>
    [HiddenLayers(1, 4)] public int HiddenLayers { get; set; } = 1;

    /// <summary>Units in each hidden layer.</summary>
    [HiddenUnits(1, 512, Scale.Log)] public int HiddenUnits { get; set; } = 64;

    /// <summary>The optimiser.</summary>
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
}
