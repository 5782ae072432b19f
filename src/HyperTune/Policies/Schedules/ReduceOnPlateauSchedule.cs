using System;

namespace HyperTune.Policies.Schedules;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c>, step for step (<c>step</c>, <c>_is_better</c>, <c>_reduce_lr</c>):
/// <list type="bullet">
/// <item>The best value starts at the worst (+inf for min, -inf for max), so the first epoch always
/// improves (unless its value is NaN or the worst itself).</item>
/// <item>Improvement is strict in all four mode/threshold-mode combinations: min/rel
/// <c>a &lt; best * (1 - threshold)</c>, min/abs <c>a &lt; best - threshold</c>, max/rel
/// <c>a &gt; best * (threshold + 1)</c>, max/abs <c>a &gt; best + threshold</c>.</item>
/// <item>During cooldown bad epochs are zeroed (and the cooldown counted down), but the best is
/// still tracked.</item>
/// <item>The rate is cut when bad epochs <em>exceed</em> patience, to <c>max(lr * factor, min_lr)</c>,
/// and only if that lowers it by more than <c>eps</c>; either way cooldown restarts and bad epochs
/// are zeroed.</item>
/// </list>
/// </summary>
internal sealed class ReduceOnPlateauSchedule : LearningRateSchedule
{
    private readonly ReduceOnPlateauSettings _settings;

    public ReduceOnPlateauSchedule(double initialLearningRate, ReduceOnPlateauSettings settings)
        : base(DecayKind.ReduceOnPlateau, initialLearningRate, initialLearningRate)
    {
        _settings = settings;
        Best = settings.Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>PyTorch's <c>best</c>.</summary>
    internal double Best { get; private set; }

    /// <summary>PyTorch's <c>num_bad_epochs</c>.</summary>
    internal int BadEpochs { get; private set; }

    /// <summary>PyTorch's <c>cooldown_counter</c>.</summary>
    internal int CooldownCounter { get; private set; }

    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue)
    {
        if (monitoredValue is not double current)
            throw new ArgumentException(
                "ReduceOnPlateau needs the monitored value (e.g. the validation loss) of the epoch that just ran, as PyTorch's scheduler.step(metrics) does; EndEpoch was called without one.",
                nameof(monitoredValue));

        if (IsBetter(current, Best))
        {
            Best = current;
            BadEpochs = 0;
        }
        else
        {
            BadEpochs++;
        }

        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            BadEpochs = 0; // bad epochs in cooldown are ignored
        }

        if (BadEpochs > _settings.Patience)
        {
            currentRate = Reduce(currentRate);
            CooldownCounter = _settings.Cooldown;
            BadEpochs = 0;
        }

        return currentRate;
    }

    private bool IsBetter(double a, double best) => (_settings.Mode, _settings.ThresholdMode) switch
    {
        (MonitorMode.Min, ThresholdMode.Relative) => a < best * (1.0 - _settings.Threshold),
        (MonitorMode.Min, ThresholdMode.Absolute) => a < best - _settings.Threshold,
        (MonitorMode.Max, ThresholdMode.Relative) => a > best * (_settings.Threshold + 1.0),
        _ => a > best + _settings.Threshold,
    };

    private double Reduce(double oldRate)
    {
        // Python's max(old * factor, min_lr) keeps the first argument unless the second is greater.
        double candidate = oldRate * _settings.Factor;
        double newRate = _settings.MinLr > candidate ? _settings.MinLr : candidate;
        return oldRate - newRate > _settings.Eps ? newRate : oldRate;
    }
}
