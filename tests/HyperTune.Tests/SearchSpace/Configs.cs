using HyperTune;

namespace HyperTune.Tests.SearchSpace;

/// <summary>A config like the Digits sample's: every attribute kind, and a conditional dimension.</summary>
public partial class DigitsConfig
{
    [LearningRate(0.1, 0.00001, Scale.Log)]
    public double LearningRate { get; set; }

    [BatchSize(32, 64, 128, 256)]
    public int BatchSize { get; set; }

    [Epochs(100)]
    public int Epochs { get; set; }

    [HiddenLayers(1, 3)]
    public int HiddenLayers { get; set; }

    [HiddenUnits(16, 512, Scale.Log)]
    public int HiddenUnits { get; set; }

    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Nesterov, OptimizerKind.Adam)]
    public OptimizerKind Optimizer { get; set; }

    [Momentum(0.5, 0.99)]
    [ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum, OptimizerKind.Nesterov)]
    public double Momentum { get; set; } = 0.9;

    [WeightDecay(1e-6, 1e-2, Scale.Log)]
    public float WeightDecay { get; set; }

    [Dropout(0.0, 0.5)]
    public float Dropout { get; set; }

    [Range(0.5, 0.999)]
    public double Beta1 { get; set; } = 0.9;

    [Range(1, 1000000, Scale.Log)]
    public long Seed { get; set; } = 1;

    [Choice("relu", "tanh", "sigmoid")]
    public string Activation { get; set; } = "relu";

    [Choice(true, false)]
    public bool Shuffle { get; set; }

    /// <summary>A fixed setting: carried along unchanged.</summary>
    public string Name { get; set; } = "digits";
}

/// <summary>The learning-rate example of the issue, alone.</summary>
public partial record LearningRateOnly
{
    [LearningRate(0.1, 0.00001, Scale.Log)]
    public double LearningRate { get; init; }

    public int Fixed { get; init; } = 7;
}

/// <summary>A struct config with a range on both sides of a conditional.</summary>
public partial struct StructConfig
{
    public StructConfig()
    {
    }

    [Choice(1, 2)]
    public int Mode { get; set; } = 1;

    [Range(0.0, 1.0)]
    [ActiveWhen(nameof(Mode), 2)]
    public double Strength { get; set; } = 0.25;

    [HiddenUnits(8, 16, 32)]
    public int Width { get; set; } = 8;

    public string Label { get; set; } = "fixed";
}

/// <summary>A grid too large to count in a long.</summary>
public partial class HugeConfig
{
    [Range(0.0, 1.0)] public double A { get; set; }
    [Range(0.0, 1.0)] public double B { get; set; }
    [Range(0.0, 1.0)] public double C { get; set; }
    [Range(0.0, 1.0)] public double D { get; set; }
    [Range(0.0, 1.0)] public double E { get; set; }
}

/// <summary>Nested, with the original LogScale spelling.</summary>
public static partial class Outer
{
    public sealed partial record class Inner
    {
        [LearningRate(0.1, 0.0001, Scale.LogScale)]
        public double LearningRate { get; init; } = 0.01;
    }
}
