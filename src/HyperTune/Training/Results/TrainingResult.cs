using System;
using System.Collections.Generic;

namespace HyperTune;

/// <summary>What a training run produced: its history, why it stopped, its best epoch and the model.</summary>
public sealed class TrainingResult
{
    /// <summary>Assembles the result of a run (the generated <c>Train</c> method does this).</summary>
    /// <param name="history">One record per epoch run, in order; copied.</param>
    /// <param name="stopReason">Why the run ended.</param>
    /// <param name="bestEpoch">The 0-based epoch with the best monitored validation value; null without validation.</param>
    /// <param name="bestValidationLoss">The validation loss of <paramref name="bestEpoch"/>; null without validation.
    /// A loss that is not finite is no best: <see cref="BestEpoch"/> and <see cref="BestValidationLoss"/> are then null.</param>
    /// <param name="model">The trained model with its standardisation.</param>
    public TrainingResult(IReadOnlyList<EpochRecord> history, StopReason stopReason, int? bestEpoch, double? bestValidationLoss, TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(stopReason)) throw new ArgumentOutOfRangeException(nameof(stopReason), stopReason, "Not a stop reason.");
        if (bestValidationLoss is double loss && !double.IsFinite(loss))
        {
            bestEpoch = null;
            bestValidationLoss = null;
        }

        var records = new EpochRecord[history.Count];
        for (int i = 0; i < records.Length; i++) records[i] = history[i];
        History = records;
        StopReason = stopReason;
        BestEpoch = bestEpoch;
        BestValidationLoss = stopReason == StopReason.NaNLoss ? null : bestValidationLoss;
        Model = model;
    }

    /// <summary>
    /// The epoch with the lowest finite validation loss (the first on ties), or null when no epoch
    /// has one: no validation set, or every loss NaN or infinite. What the generated loop reports
    /// as the best epoch when no early-stopping monitor picks it.
    /// </summary>
    /// <param name="history">The run's records, in order.</param>
    /// <returns>The 0-based index of the best record, or null.</returns>
    public static int? BestFiniteEpoch(IReadOnlyList<EpochRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        int? best = null;
        double bestLoss = double.PositiveInfinity;
        for (int i = 0; i < history.Count; i++)
        {
            if (history[i].ValidationLoss is double loss && double.IsFinite(loss) && (best is null || loss < bestLoss))
            {
                best = i;
                bestLoss = loss;
            }
        }
        return best;
    }

    /// <summary>The same run with another model: how the generated <c>Train</c> hands back a model that standardises raw rows.</summary>
    /// <param name="model">The model.</param>
    /// <returns>A result with this one's history, stop reason and best epoch.</returns>
    public TrainingResult WithModel(TrainedModel model) => new(History, StopReason, BestEpoch, BestValidationLoss, model);

    /// <summary>One record per epoch run, in order.</summary>
    public IReadOnlyList<EpochRecord> History { get; }

    /// <summary>Why the run ended.</summary>
    public StopReason StopReason { get; }

    /// <summary>
    /// The 0-based epoch with the best monitored validation value (the early-stopping monitor's
    /// best epoch when the config has one, whose weights the model holds if it restores the best
    /// weights; otherwise the lowest finite validation loss); null when the run had no validation
    /// set or no epoch with a finite validation loss. Losses that are NaN or infinite never count.
    /// </summary>
    public int? BestEpoch { get; }

    /// <summary>
    /// The validation loss of <see cref="BestEpoch"/>: always finite, or null when the run had no
    /// validation set, no finite validation loss, or <see cref="Failed"/>. So a failed run never
    /// wins a comparison: <c>results.MinBy(r =&gt; r.BestValidationLoss)</c> skips nulls. For
    /// regression it is the mean squared error of standardised targets (the training targets' own
    /// scale divided out), as the loop trains on them; <see cref="TrainedModel.Evaluate"/> reports
    /// the error on the targets' scale.
    /// </summary>
    public double? BestValidationLoss { get; }

    /// <summary>The trained model, ready for raw data.</summary>
    public TrainedModel Model { get; }

    /// <summary>Whether the run failed: its loss became NaN or infinite (<see cref="StopReason.NaNLoss"/>).</summary>
    public bool Failed => StopReason == StopReason.NaNLoss;
}
