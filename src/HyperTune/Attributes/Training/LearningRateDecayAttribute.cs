using System;

namespace HyperTune;

/// <summary>
/// The learning-rate schedule of a config's training loop. The rate for each epoch equals that of
/// the PyTorch scheduler of the same kind with the same parameters (whose names these properties
/// keep): the rate of epoch 0 is set at the start, and the schedule steps once after each epoch.
/// </summary>
/// <example><c>[LearningRateDecay(DecayKind.Step, StepSize = 30, Gamma = 0.1)]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class LearningRateDecayAttribute : Attribute
{
    /// <summary>Declares the schedule.</summary>
    /// <param name="kind">The kind of schedule.</param>
    public LearningRateDecayAttribute(DecayKind kind) => Kind = kind;

    /// <summary>The kind of schedule.</summary>
    public DecayKind Kind { get; }

    /// <summary>Step: the period of the decay, in epochs (PyTorch's <c>step_size</c>).</summary>
    public int StepSize { get; set; } = 1;

    /// <summary>Step, MultiStep, Exponential: the multiplicative factor (PyTorch's <c>gamma</c>).</summary>
    public double Gamma { get; set; } = 0.1;

    /// <summary>MultiStep: the epochs at which the rate is cut; duplicates cut twice (PyTorch's <c>milestones</c>).</summary>
    public int[] Milestones { get; set; } = Array.Empty<int>();

    /// <summary>Cosine: the half period, in epochs (PyTorch's <c>T_max</c>).</summary>
    public int TMax { get; set; } = 1;

    /// <summary>Cosine and ReduceOnPlateau: the lower bound of the rate (PyTorch's <c>eta_min</c> / <c>min_lr</c>).</summary>
    public double MinLearningRate { get; set; }

    /// <summary>LinearWarmup: the factor of epoch 0 (PyTorch's <c>start_factor</c>).</summary>
    public double StartFactor { get; set; } = 1.0 / 3;

    /// <summary>LinearWarmup: the factor reached after <see cref="TotalEpochs"/> (PyTorch's <c>end_factor</c>).</summary>
    public double EndFactor { get; set; } = 1.0;

    /// <summary>LinearWarmup: the number of epochs over which the factor moves (PyTorch's <c>total_iters</c>).</summary>
    public int TotalEpochs { get; set; } = 5;

    /// <summary>ReduceOnPlateau: the factor the rate is multiplied by on a plateau (PyTorch's <c>factor</c>).</summary>
    public double Factor { get; set; } = 0.1;

    /// <summary>ReduceOnPlateau: bad epochs tolerated before a cut (PyTorch's <c>patience</c>).</summary>
    public int Patience { get; set; } = 10;

    /// <summary>ReduceOnPlateau: the significance threshold (PyTorch's <c>threshold</c>).</summary>
    public double Threshold { get; set; } = 1e-4;

    /// <summary>ReduceOnPlateau: how <see cref="Threshold"/> applies (PyTorch's <c>threshold_mode</c>).</summary>
    public ThresholdMode ThresholdMode { get; set; } = ThresholdMode.Relative;

    /// <summary>ReduceOnPlateau: epochs to wait after a cut before counting bad epochs again (PyTorch's <c>cooldown</c>).</summary>
    public int Cooldown { get; set; }

    /// <summary>ReduceOnPlateau: whether the monitored value improves downwards or upwards (PyTorch's <c>mode</c>).</summary>
    public MonitorMode Mode { get; set; } = MonitorMode.Min;

    /// <summary>ReduceOnPlateau: a change of rate smaller than this is ignored (PyTorch's <c>eps</c>).</summary>
    public double Eps { get; set; } = 1e-8;
}
