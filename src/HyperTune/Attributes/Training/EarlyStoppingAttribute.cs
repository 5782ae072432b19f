using System;

namespace HyperTune;

/// <summary>
/// Stop training when the monitored validation value has stopped improving, with the same rules as
/// Keras 3's <c>EarlyStopping</c> callback.
/// </summary>
/// <example><c>[EarlyStopping(10, MinDelta = 1e-4, RestoreBestWeights = true)]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class EarlyStoppingAttribute : Attribute
{
    /// <summary>Declares early stopping.</summary>
    /// <param name="patience">Epochs without improvement after which training stops (Keras' <c>patience</c>).</param>
    public EarlyStoppingAttribute(int patience) => Patience = patience;

    /// <summary>Epochs without improvement after which training stops (Keras' <c>patience</c>).</summary>
    public int Patience { get; }

    /// <summary>The smallest change that counts as an improvement; its sign is ignored (Keras' <c>min_delta</c>).</summary>
    public double MinDelta { get; set; }

    /// <summary>Whether the monitored value improves downwards (a loss) or upwards (an accuracy).</summary>
    public MonitorMode Mode { get; set; } = MonitorMode.Min;

    /// <summary>A value the monitored value must beat; <see cref="double.NaN"/> for none (Keras' <c>baseline</c>).</summary>
    public double Baseline { get; set; } = double.NaN;

    /// <summary>Restore the weights of the best epoch at the end of training (Keras' <c>restore_best_weights</c>).</summary>
    public bool RestoreBestWeights { get; set; }

    /// <summary>Epochs before this one are ignored entirely (Keras' <c>start_from_epoch</c>).</summary>
    public int StartFromEpoch { get; set; }
}
