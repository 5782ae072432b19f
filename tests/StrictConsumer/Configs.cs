using System.Collections.Generic;
using HyperTune;

namespace StrictConsumer;

/// <summary>Every training role and policy, with restored best weights and a condition.</summary>
[EarlyStopping(5, RestoreBestWeights = true)]
[LearningRateDecay(DecayKind.Step, StepSize = 10, Gamma = 0.5)]
internal sealed partial class FullConfig
{
    /// <summary>Gets or sets the learning rate.</summary>
    [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;

    /// <summary>Gets or sets the batch size.</summary>
    [BatchSize(16, 32, 64)] public int BatchSize { get; set; } = 32;

    /// <summary>Gets or sets the epochs.</summary>
    [Epochs(30)] public int Epochs { get; set; } = 30;

    /// <summary>Gets or sets the optimiser.</summary>
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>Gets or sets the momentum.</summary>
    [Momentum(0.5, 0.99)][ActiveWhen(nameof(Optimizer), OptimizerKind.Momentum)] public double Momentum { get; set; } = 0.9;

    /// <summary>Gets or sets the activation.</summary>
    [Choice(Activation.Relu, Activation.Tanh)] public Activation Activation { get; set; }

    /// <summary>Gets or sets the name, which may be null.</summary>
    [Choice("a", null, "b")] public string? Name { get; set; }

    /// <summary>Gets the tags a template carries.</summary>
    public IList<string> Tags { get; } = new List<string>();
}

/// <summary>Fixed values, a funnel, Adam's settings and a scaling choice.</summary>
internal sealed partial class FixedConfig
{
    /// <summary>Gets or sets the learning rate.</summary>
    [LearningRate(0.05)] public double LearningRate { get; set; }

    /// <summary>Gets or sets the batch size.</summary>
    [BatchSize(64)] public int BatchSize { get; set; }

    /// <summary>Gets or sets the optimiser.</summary>
    [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }

    /// <summary>Gets or sets β1.</summary>
    [AdamBeta1(0.8, 0.95)] public double Beta1 { get; set; } = 0.9;

    /// <summary>Gets or sets the hidden layers.</summary>
    [HiddenLayers(2)] public int HiddenLayers { get; set; } = 2;

    /// <summary>Gets or sets the first width.</summary>
    [HiddenUnits(128)] public int HiddenUnits { get; set; } = 128;

    /// <summary>Gets or sets the shrink factor.</summary>
    [HiddenShrink(0.5)] public double Shrink { get; set; } = 0.5;

    /// <summary>Gets or sets the input scaling.</summary>
    [Choice(InputScaling.None, InputScaling.MinMax)] public InputScaling Scaling { get; set; }

    /// <summary>Gets or sets the epochs.</summary>
    [Epochs(5)] public int Epochs { get; set; } = 5;
}

/// <summary>A positional record.</summary>
/// <param name="LearningRate">The learning rate.</param>
/// <param name="Epochs">The epochs.</param>
/// <param name="Label">A label the space does not tune.</param>
internal sealed partial record RecordConfig(
    [property: LearningRate(0.1, 0.001, Scale.Log)] double LearningRate,
    [property: Epochs(10)] int Epochs,
    string Label = "run");

/// <summary>A base config.</summary>
internal partial class BaseConfig
{
    /// <summary>Gets or sets the learning rate.</summary>
    [LearningRate(0.1, 0.001, Scale.Log)] public double LearningRate { get; set; } = 0.01;

    /// <summary>Gets or sets the epochs.</summary>
    [Epochs(10)] public int Epochs { get; set; } = 10;
}

/// <summary>A derived config.</summary>
internal sealed partial class DerivedConfig : BaseConfig
{
    /// <summary>Gets or sets the batch size.</summary>
    [BatchSize(8, 16)] public int BatchSize { get; set; } = 8;
}

/// <summary>Policies with neither a learning rate nor epochs, bounded by steps; momentum alone.</summary>
[StopAtStep(100)]
[ValidationMonitor(10, 50)]
internal sealed partial class StepConfig
{
    /// <summary>Gets or sets the momentum.</summary>
    [Momentum(0.5, 0.9)] public double Momentum { get; set; } = 0.9;
}

/// <summary>Properties that differ only in the case of their first letter.</summary>
internal sealed partial class CaseConfig
{
    /// <summary>Gets or sets Foo.</summary>
    [Choice(1, 2)] public int Foo { get; set; } = 1;

    /// <summary>Gets or sets foo.</summary>
#pragma warning disable IDE1006, CA1708 // The clash is the point of this config.
    [Choice(3, 4)] public int foo { get; set; } = 3;
#pragma warning restore IDE1006, CA1708

    /// <summary>Gets or sets an extreme range.</summary>
    [Range(-1.7e308, 1.7e308)] public double Wide { get; set; }
}

/// <summary>A struct.</summary>
internal partial struct StructConfig
{
    /// <summary>Gets or sets the value.</summary>
    [Range(0.0, 1.0)] public double Value { get; set; }
}
