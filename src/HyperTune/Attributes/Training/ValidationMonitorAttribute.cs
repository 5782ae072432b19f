using System;

namespace HyperTune;

/// <summary>
/// Evaluate on the validation set every N steps and stop when the metric has not improved for a
/// number of steps, with the same rules as TensorFlow 1's <c>tf.contrib.learn.monitors.ValidationMonitor</c>
/// (the classic example: <c>every_n_steps=50, early_stopping_rounds=200</c>).
/// </summary>
/// <example><c>[ValidationMonitor(50, 200)]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class ValidationMonitorAttribute : Attribute
{
    /// <summary>Declares the monitor.</summary>
    /// <param name="everyNSteps">Evaluate every this many global steps (TF's <c>every_n_steps</c>).</param>
    /// <param name="earlyStoppingRounds">Stop when the metric has not improved for this many global steps (TF's <c>early_stopping_rounds</c>).</param>
    public ValidationMonitorAttribute(int everyNSteps, int earlyStoppingRounds)
    {
        EveryNSteps = everyNSteps;
        EarlyStoppingRounds = earlyStoppingRounds;
    }

    /// <summary>Evaluate every this many global steps.</summary>
    public int EveryNSteps { get; }

    /// <summary>Stop when the metric has not improved for this many global steps.</summary>
    public int EarlyStoppingRounds { get; }

    /// <summary>The metric watched: <c>"loss"</c> (the default) or <c>"accuracy"</c>.</summary>
    public string Metric { get; set; } = "loss";

    /// <summary>Whether lower values of <see cref="Metric"/> are better (TF's <c>early_stopping_metric_minimize</c>).</summary>
    public bool Minimize { get; set; } = true;
}
