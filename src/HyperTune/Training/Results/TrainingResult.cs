using System;
using System.Collections.Generic;

namespace HyperTune;

/// <summary>What a training run produced: its history, why it stopped, its best epoch and the model.</summary>
public sealed class TrainingResult
{
    /// <summary>Assembles the result of a run (the generated <c>Train</c> method does this).</summary>
    /// <param name="history">One record per epoch run, in order.</param>
    /// <param name="stopReason">Why the run ended.</param>
    /// <param name="bestEpoch">The 0-based epoch with the best monitored validation value; null without validation.</param>
    /// <param name="bestValidationLoss">The validation loss of <paramref name="bestEpoch"/>; null without validation.</param>
    /// <param name="model">The trained model with its standardisation.</param>
    public TrainingResult(IReadOnlyList<EpochRecord> history, StopReason stopReason, int? bestEpoch, double? bestValidationLoss, TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(stopReason)) throw new ArgumentOutOfRangeException(nameof(stopReason), stopReason, "Not a stop reason.");
        History = history;
        StopReason = stopReason;
        BestEpoch = bestEpoch;
        BestValidationLoss = bestValidationLoss;
        Model = model;
    }

    /// <summary>One record per epoch run, in order.</summary>
    public IReadOnlyList<EpochRecord> History { get; }

    /// <summary>Why the run ended.</summary>
    public StopReason StopReason { get; }

    /// <summary>
    /// The 0-based epoch with the best monitored validation value (the early-stopping monitor's
    /// best epoch when the config has one, whose weights the model holds if it restores the best
    /// weights); null when the run had no validation set.
    /// </summary>
    public int? BestEpoch { get; }

    /// <summary>The validation loss of <see cref="BestEpoch"/>; null when the run had no validation set.</summary>
    public double? BestValidationLoss { get; }

    /// <summary>The trained model, ready for raw data.</summary>
    public TrainedModel Model { get; }

    /// <summary>Whether the run failed: its loss became NaN or infinite (<see cref="StopReason.NaNLoss"/>).</summary>
    public bool Failed => StopReason == StopReason.NaNLoss;
}
