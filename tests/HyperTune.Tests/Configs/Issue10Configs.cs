namespace HyperTune.Tests.Configs;

// Configs as users write them (issue 10), compiled by the real generator.

/// <summary>A positional record: the parameters' property attributes are its dimensions.</summary>
public partial record RecordConfig(
    [property: LearningRate(0.1, 0.001, Scale.Log)] double LearningRate,
    [property: BatchSize(2, 4)] int BatchSize,
    [property: Epochs(3)] int Epochs,
    string Name = "run");

/// <summary>A base config with a rate and epochs.</summary>
public partial class BaseTrainConfig
{
    [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.05;
    [Epochs(2)] public int Epochs { get; set; } = 2;
}

/// <summary>Derives the rate and epochs, adds a batch size.</summary>
public partial class DerivedTrainConfig : BaseTrainConfig
{
    [BatchSize(2, 4)] public int BatchSize { get; set; } = 2;
}

/// <summary>Members a template carries that the space does not tune.</summary>
public class TemplateBase
{
    public string Owner { get; private set; } = string.Empty;

    public void SetOwner(string owner) => Owner = owner;
}

/// <summary>A get-only collection, a private setter and a base member, besides one dimension.</summary>
public partial class TemplateConfig : TemplateBase
{
    [Range(0.0, 1.0)] public double A { get; set; }

    public List<string> Tags { get; } = new();

    public int Secret { get; private set; }

    public void SetSecret(int secret) => Secret = secret;
}

/// <summary>Fixed values: settings Train uses, not dimensions.</summary>
public partial class FixedConfig
{
    [LearningRate(0.05)] public double LearningRate { get; set; }
    [BatchSize(4)] public int BatchSize { get; set; }
    [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
    [HiddenUnits(16)] public int HiddenUnits { get; set; }
    [Range(0.0, 1.0)] public double Other { get; set; }
    [Epochs(2)] public int Epochs { get; set; } = 2;
}

/// <summary>[Momentum] without [Optimizer].</summary>
public partial class MomentumOnlyConfig
{
    [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.05;
    [Momentum(0.5, 0.95)] public double Momentum { get; set; } = 0.9;
    [BatchSize(4)] public int BatchSize { get; set; } = 4;
    [Epochs(3)] public int Epochs { get; set; } = 3;
}

/// <summary>The same run with the optimiser spelled out.</summary>
public partial class ExplicitMomentumConfig
{
    [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.05;
    [Momentum(0.5, 0.95)] public double Momentum { get; set; } = 0.9;
    [Optimizer(OptimizerKind.Momentum)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Momentum;
    [BatchSize(4)] public int BatchSize { get; set; } = 4;
    [Epochs(3)] public int Epochs { get; set; } = 3;
}

/// <summary>Plain SGD at the same rate, to tell momentum apart.</summary>
public partial class PlainSgdConfig
{
    [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.05;
    [BatchSize(4)] public int BatchSize { get; set; } = 4;
    [Epochs(3)] public int Epochs { get; set; } = 3;
}

/// <summary>Policies and no [LearningRate]: Adam's conventional 0.001.</summary>
[EarlyStopping(2)]
public partial class NoRateConfig
{
    [Optimizer(OptimizerKind.Adam, OptimizerKind.Sgd)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    [Epochs(2)] public int Epochs { get; set; } = 2;
}

/// <summary>No [Epochs]: [StopAtStep] bounds the run.</summary>
[StopAtStep(10)]
public partial class StepBoundConfig
{
    [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.05;
    [BatchSize(2)] public int BatchSize { get; set; } = 2;
}

/// <summary>A 8-4 funnel, Adam's betas and ε, and a chosen input scaling.</summary>
public partial class PortedConfig
{
    [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    [LearningRate(0.1, 0.001)] public double LearningRate { get; set; } = 0.01;
    [AdamBeta1(0.5, 0.95)] public double Beta1 { get; set; } = 0.9;
    [AdamBeta2(0.9, 0.9999)] public double Beta2 { get; set; } = 0.999;
    [AdamEpsilon(1e-8, 1e-2, Scale.Log)] public double Epsilon { get; set; } = 1e-8;
    [HiddenLayers(2)] public int HiddenLayers { get; set; } = 2;
    [HiddenUnits(8, 32)] public int HiddenUnits { get; set; } = 8;
    [HiddenShrink(0.25, 1.0)] public double Shrink { get; set; } = 0.5;
    [Choice(InputScaling.Standardize, InputScaling.None, InputScaling.MinMax)] public InputScaling Scaling { get; set; }
    [BatchSize(4)] public int BatchSize { get; set; } = 4;
    [Epochs(3)] public int Epochs { get; set; } = 3;
}

/// <summary>A range whose span overflows a double, and a nullable choice with null.</summary>
public partial class ExtremeConfig
{
    [Range(-1.7e308, 1.7e308)] public double Wide { get; set; }
    [Choice("a", null, "b")] public string? Name { get; set; }
}

/// <summary>The digits setting: SGD with momentum 0.9, rate 0.05, 64 units, scaling chosen per run.</summary>
[EarlyStopping(10, RestoreBestWeights = true)]
public partial class DigitsScalingConfig
{
    [LearningRate(0.05)] public double LearningRate { get; set; }
    [Optimizer(OptimizerKind.Momentum)] public OptimizerKind Optimizer { get; set; }
    [Momentum(0.9)] public double Momentum { get; set; }
    [HiddenUnits(64)] public int HiddenUnits { get; set; }
    [Epochs(60)] public int Epochs { get; set; } = 60;
    public InputScaling Scaling { get; set; }
}
