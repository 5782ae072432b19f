namespace HyperTune.Tests.Training;

/// <summary>The README's digits config: every training role and policy the generator reads.</summary>
[LearningRateDecay(DecayKind.Step, StepSize = 20, Gamma = 0.5)]
[EarlyStopping(8, MinDelta = 1e-4, RestoreBestWeights = true)]
public partial class DigitsConfig
{
    [LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; } = 0.003;
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;
    [Epochs(60)] public int Epochs { get; set; } = 60;
    [HiddenLayers(1, 3)] public int HiddenLayers { get; set; } = 1;
    [HiddenUnits(16, 512, Scale.Log)] public int HiddenUnits { get; set; } = 64;
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    [Momentum(0.5, 0.99)][ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; } = 0.9;
    [WeightDecay(1e-6, 1e-2, Scale.Log)] public double WeightDecay { get; set; } = 1e-5;
}

/// <summary>The smallest config that trains: only a rate and epochs, plain SGD.</summary>
public partial class MinimalConfig
{
    [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.1;
    [Epochs(20)] public int Epochs { get; set; } = 20;
}

/// <summary>TF's classic monitor, a step limit and a plateau decay, with float hyperparameters.</summary>
[ValidationMonitor(50, 200)]
[StopAtStep(300)]
[LearningRateDecay(DecayKind.ReduceOnPlateau, Patience = 2, Factor = 0.5)]
public partial record MonitoredConfig
{
    [LearningRate(0.3, 0.001, Scale.Log)] public float LearningRate { get; init; } = 0.05f;
    [BatchSize(16, 32)] public int BatchSize { get; init; } = 16;
    [Epochs(1000)] public int Epochs { get; init; } = 1000;
    [HiddenUnits(8, 64)] public int HiddenUnits { get; init; } = 16;
    [Dropout(0.0, 0.5)] public float Dropout { get; init; }
    public Activation Activation { get; init; } = Activation.Tanh;
}

/// <summary>A NaN guard that is switched off.</summary>
[StopOnNaN(Enabled = false)]
public partial class UnguardedConfig
{
    [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.1;
    [Epochs(3)] public int Epochs { get; set; } = 3;
}

/// <summary>XOR: a small tanh net, full batch.</summary>
public partial class XorConfig
{
    [LearningRate(0.5, 0.01, Scale.Log)] public double LearningRate { get; set; } = 0.05;
    [BatchSize(4)] public int BatchSize { get; set; } = 4;
    [Epochs(3000)] public int Epochs { get; set; } = 1500;
    [HiddenUnits(4, 16)] public int HiddenUnits { get; set; } = 8;
    [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    public Activation Activation { get; set; } = Activation.Tanh;
}

/// <summary>Diabetes progression: regression with Adam and early stopping.</summary>
[EarlyStopping(20, RestoreBestWeights = true)]
public partial class RegressionConfig
{
    [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
    [BatchSize(16, 32, 64)] public int BatchSize { get; set; } = 32;
    [Epochs(400)] public int Epochs { get; set; } = 400;
    [HiddenUnits(8, 64)] public int HiddenUnits { get; set; } = 32;
    [Optimizer(OptimizerKind.Adam, OptimizerKind.Sgd)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
}

/// <summary>Only a validation monitor, firing every 2 steps and stopping after 4 steps without improvement.</summary>
[ValidationMonitor(2, 4)]
public partial class MonitorOnlyConfig
{
    [LearningRate(0.5, 0.001)] public double LearningRate { get; set; } = 0.25;
    [BatchSize(16)] public int BatchSize { get; set; } = 16;
    [Epochs(100)] public int Epochs { get; set; } = 100;
}

/// <summary>Only Keras early stopping with patience 2 and best-weight restore; plain SGD.</summary>
[EarlyStopping(2, RestoreBestWeights = true)]
public partial class EarlyStoppingOnlyConfig
{
    [LearningRate(0.5, 0.001)] public double LearningRate { get; set; } = 0.25;
    [BatchSize(4)] public int BatchSize { get; set; } = 4;
    [Epochs(10)] public int Epochs { get; set; } = 10;
}

/// <summary>Integer roles declared as long: the loop narrows them, checked.</summary>
public partial class LongSizesConfig
{
    [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.05;
    [BatchSize(2, 4)] public long BatchSize { get; set; } = 2;
    [Epochs(5)] public int Epochs { get; set; } = 5;
    [HiddenLayers(1, 2)] public long HiddenLayers { get; set; } = 2;
    [HiddenUnits(4, 8)] public long HiddenUnits { get; set; } = 4;
}
