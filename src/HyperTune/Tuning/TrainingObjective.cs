using System;
using System.Threading;

namespace HyperTune.Tuning;

/// <summary>The value of a trial of the built-in objective: the best finite validation loss of its run.</summary>
internal static class TrainingObjective
{
    /// <summary>The run's best finite validation loss.</summary>
    /// <param name="result">The run.</param>
    /// <param name="cancellationToken">The study's token: a run cut short by it is an interruption, not a value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="OperationCanceledException">The study was cancelled while the run ended.</exception>
    /// <exception cref="InvalidOperationException">No epoch reached a finite validation loss (the run diverged at once): the trial fails.</exception>
    public static double Value(TrainingResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        cancellationToken.ThrowIfCancellationRequested();
        double best = double.PositiveInfinity;
        foreach (var epoch in result.History)
        {
            if (epoch.ValidationLoss is double loss && double.IsFinite(loss) && loss < best)
            {
                best = loss;
            }
        }

        if (double.IsPositiveInfinity(best))
        {
            throw new InvalidOperationException($"Training reached no finite validation loss in {result.History.Count} epoch(s) (stopped by {result.StopReason}).");
        }

        return best;
    }
}
