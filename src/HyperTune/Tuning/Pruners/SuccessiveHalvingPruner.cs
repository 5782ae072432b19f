using System;
using System.Buffers;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// Asynchronous successive halving (ASHA; Li et al. 2020) as Optuna 3.1's <c>SuccessiveHalvingPruner</c>
/// decides it, computed from the stored intermediate values instead of Optuna's per-trial rung records.
/// </summary>
/// <remarks>
/// <para>Rung <c>k</c> sits at step <c>minResource · η^(minEarlyStoppingRate + k)</c>. When a trial
/// reaches a rung it goes on only if its value there is in the top 1/η of the values of every trial
/// (of its bracket, for Hyperband) that has reached that rung so far, itself included; nobody waits
/// for a rung to fill. Optuna's rule, exactly: with <c>n</c> values at the rung, itself included, the
/// trial goes on when its value is at least as good as the <c>max(1, ⌊n / η⌋)</c>-th best, so ties go
/// on, and the first trials at a rung (fewer than 2η) go on only when they are the best so far.</para>
/// <para>A trial's value at a rung is its value at its first reported step at or after the rung's step
/// (the rung's own step when it reported every step, as the built-in objective does). A trial that
/// reports steps 2, 4, 6… is judged for rung 3 at step 4 with its value at 4, the value Optuna records
/// for it; a report that jumps past several rungs is judged at each of them with the same value, as
/// Optuna does. Every trial that reached a rung competes there, whatever its state now (running,
/// complete, pruned — pruned at that very rung included — or failed), as in Optuna.</para>
/// <para>Where this differs from Optuna, knowingly: a rung at or beyond the trial's maximum resource
/// (<see cref="PrunerContext.MaxResource"/>, when known) is not judged, because a trial that reached its
/// whole budget has nothing left to save and is recorded complete rather than pruned; and a trial that
/// went on reporting after being told to stop is judged again from its stored values, where Optuna
/// would remember it as past that rung. NaN values: a trial whose value at a rung is NaN is pruned,
/// and NaN values never compete.</para>
/// </remarks>
internal sealed class SuccessiveHalvingPruner : IPruner
{
    private readonly int _minResource;
    private readonly int _reductionFactor;
    private readonly int _minEarlyStoppingRate;

    /// <summary>Creates the pruner.</summary>
    /// <param name="minResource">The step of the first rung when <paramref name="minEarlyStoppingRate"/> is 0 (r in the paper), at least 1.</param>
    /// <param name="reductionFactor">η: about 1/η of the trials reaching a rung go on; at least 2.</param>
    /// <param name="minEarlyStoppingRate">s in the paper: the first rung is at <c>minResource · η^s</c>; 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate = 0)
    {
        if (minResource < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, "The minimum resource is at least 1 step.");
        }

        if (reductionFactor < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, "The reduction factor is at least 2.");
        }

        if (minEarlyStoppingRate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minEarlyStoppingRate), minEarlyStoppingRate, "The minimum early-stopping rate cannot be negative.");
        }

        _minResource = minResource;
        _reductionFactor = reductionFactor;
        _minEarlyStoppingRate = minEarlyStoppingRate;
    }

    /// <inheritdoc/>
    /// <remarks>Successive halving alone has no brackets: always <see langword="null"/>.</remarks>
    public int? AssignBracket(string studyName, int trialNumber, int seed) => null;

    /// <inheritdoc/>
    public bool ShouldPrune(PrunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ShouldPrune(context, _minResource, _reductionFactor, _minEarlyStoppingRate, bracket: null, context.MaxResource);
    }

    /// <summary>The step of rung <paramref name="rung"/>, or <see langword="null"/> past <see cref="long.MaxValue"/>.</summary>
    /// <param name="minResource">r.</param>
    /// <param name="reductionFactor">η.</param>
    /// <param name="minEarlyStoppingRate">s.</param>
    /// <param name="rung">k, from 0.</param>
    /// <returns><c>r · η^(s + k)</c>.</returns>
    internal static long? RungStep(int minResource, int reductionFactor, int minEarlyStoppingRate, int rung)
    {
        long step = minResource;
        for (int i = 0; i < minEarlyStoppingRate + rung; i++)
        {
            if (step > long.MaxValue / reductionFactor)
            {
                return null;
            }

            step *= reductionFactor;
        }

        return step;
    }

    /// <summary>The decision, shared with Hyperband, which passes the trial's bracket and its own maximum resource.</summary>
    /// <param name="context">The trial and the study.</param>
    /// <param name="minResource">r.</param>
    /// <param name="reductionFactor">η.</param>
    /// <param name="minEarlyStoppingRate">s.</param>
    /// <param name="bracket">When not <see langword="null"/>, only trials of this bracket compete.</param>
    /// <param name="maxResource">Rungs at or beyond this step are not judged; <see langword="null"/> when unknown.</param>
    /// <returns>Whether to prune.</returns>
    internal static bool ShouldPrune(PrunerContext context, int minResource, int reductionFactor, int minEarlyStoppingRate, int? bracket, int? maxResource)
    {
        TrialRecord trial = context.Trial;
        if (!StepHistory.TryGetLastTwo(trial.IntermediateValues, out int step, out int previous))
        {
            return false;
        }

        double value = trial.IntermediateValues[step];
        long? rungStep = RungStep(minResource, reductionFactor, minEarlyStoppingRate, 0);

        // The rungs the trial passed at earlier reports were judged then (it would have stopped otherwise).
        while (rungStep is long passed && passed <= previous)
        {
            rungStep = passed > long.MaxValue / reductionFactor ? null : passed * reductionFactor;
        }

        while (rungStep is long rung && rung <= step)
        {
            if (maxResource is int max && rung >= max)
            {
                return false;
            }

            if (double.IsNaN(value) || !IsPromotable(context, value, rung, bracket, reductionFactor))
            {
                return true;
            }

            rungStep = rung > long.MaxValue / reductionFactor ? null : rung * reductionFactor;
        }

        return false;
    }

    /// <summary>Whether <paramref name="value"/> is in the top 1/η of the values at the rung, itself included (Optuna's rule).</summary>
    private static bool IsPromotable(PrunerContext context, double value, long rungStep, int? bracket, int reductionFactor)
    {
        IReadOnlyList<TrialRecord> trials = context.Trials;
        double[] scores = ArrayPool<double>.Shared.Rent(trials.Count + 1);
        try
        {
            int count = 0;
            for (int i = 0; i < trials.Count; i++)
            {
                TrialRecord other = trials[i];
                if (other.Number != context.Trial.Number
                    && (bracket is null || other.Bracket == bracket)
                    && StepHistory.TryGetValueAtOrAfter(other.IntermediateValues, rungStep, out double otherValue)
                    && !double.IsNaN(otherValue))
                {
                    scores[count++] = context.Score(otherValue);
                }
            }

            double score = context.Score(value);
            scores[count++] = score;
            Span<double> competing = scores.AsSpan(0, count);
            competing.Sort();
            int index = Math.Max(count / reductionFactor - 1, 0);
            return score <= competing[index];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
    }
}
