using System;
using System.Buffers;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// The median stopping rule (Golovin et al. 2017, Google Vizier) as Optuna 3.1's <c>MedianPruner</c>
/// (its <c>PercentilePruner</c> at 50) decides it: a trial is pruned when its best intermediate value so
/// far is worse than the median of the complete trials' values at the step it just reported.
/// </summary>
/// <remarks>
/// <para>The rules, all Optuna's:</para>
/// <list type="bullet">
/// <item>Only <see cref="TrialState.Complete"/> trials count, both towards the start-up trials and in the
/// median: pruned, failed and running trials are ignored. Until <c>startupTrials</c> trials are complete
/// (and while none is), nothing is pruned.</item>
/// <item>The step judged is the trial's largest reported step. Steps below <c>warmupSteps</c> are never
/// pruned; with HyperTune's steps counted from 1 (the budget used), a trial can be pruned from step
/// <c>warmupSteps</c> on, so warm-ups of 0 and 1 are alike.</item>
/// <item>With <c>intervalSteps</c> above 1, a trial is judged only at its first report at or after each
/// step <c>warmupSteps + k · intervalSteps</c>: a check whose step the trial skipped is made at its next report.</item>
/// <item>The trial's best value is over all its intermediate values (the lowest when minimising, the
/// highest when maximising), NaN ignored; a trial with only NaN values is pruned.</item>
/// <item>The median is over the complete trials that reported that exact step (NaN ignored), linearly
/// interpolated between the two middle values when their number is even; when no complete trial
/// reported the step, the trial is not pruned.</item>
/// <item>The comparison is strict: a trial whose best equals the median goes on.</item>
/// </list>
/// <para>Stateless: every decision is computed from the stored trials.</para>
/// </remarks>
internal sealed class MedianPruner : IPruner
{
    private readonly int _startupTrials;
    private readonly int _warmupSteps;
    private readonly int _intervalSteps;

    /// <summary>Creates the pruner.</summary>
    /// <param name="startupTrials">Complete trials needed before any trial is pruned, 5 by default as Optuna.</param>
    /// <param name="warmupSteps">Steps below this one are never pruned, 0 by default.</param>
    /// <param name="intervalSteps">Steps between checks after the warm-up, 1 (every step) by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="intervalSteps"/> is below 1.</exception>
    public MedianPruner(int startupTrials = 5, int warmupSteps = 0, int intervalSteps = 1)
    {
        if (startupTrials < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startupTrials), startupTrials, "The number of start-up trials cannot be negative.");
        }

        if (warmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "The number of warm-up steps cannot be negative.");
        }

        if (intervalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalSteps), intervalSteps, "The interval between pruning checks is at least 1 step.");
        }

        _startupTrials = startupTrials;
        _warmupSteps = warmupSteps;
        _intervalSteps = intervalSteps;
    }

    /// <inheritdoc/>
    /// <remarks>The median pruner has no brackets: always <see langword="null"/>.</remarks>
    public int? AssignBracket(string studyName, int trialNumber, int seed) => null;

    /// <inheritdoc/>
    public bool ShouldPrune(PrunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TrialRecord trial = context.Trial;
        IReadOnlyList<TrialRecord> trials = context.Trials;

        int complete = 0;
        for (int i = 0; i < trials.Count; i++)
        {
            if (trials[i].State == TrialState.Complete && trials[i].Number != trial.Number)
            {
                complete++;
            }
        }

        if (complete == 0 || complete < _startupTrials)
        {
            return false;
        }

        // Optuna judges the trial's last step (its largest) and needs the one before it for the interval rule.
        if (!StepHistory.TryGetLastTwo(trial.IntermediateValues, out int step, out int previous))
        {
            return false;
        }

        if (step < _warmupSteps)
        {
            return false;
        }

        int nearestCheck = ((step - _warmupSteps) / _intervalSteps * _intervalSteps) + _warmupSteps;
        if (previous >= nearestCheck)
        {
            return false;
        }

        bool minimize = context.Direction == Direction.Minimize;
        double best = double.NaN;
        foreach (double value in trial.IntermediateValues.Values)
        {
            if (!double.IsNaN(value) && (double.IsNaN(best) || (minimize ? value < best : value > best)))
            {
                best = value;
            }
        }

        if (double.IsNaN(best))
        {
            return true;
        }

        double median = MedianAtStep(trials, trial.Number, step, complete);
        if (double.IsNaN(median))
        {
            return false;
        }

        return minimize ? best > median : best < median;
    }

    /// <summary>The median of the complete trials' values at <paramref name="step"/>, NaN ignored; NaN when there is none.</summary>
    private static double MedianAtStep(IReadOnlyList<TrialRecord> trials, int self, int step, int complete)
    {
        double[] buffer = ArrayPool<double>.Shared.Rent(complete);
        try
        {
            int count = 0;
            for (int i = 0; i < trials.Count; i++)
            {
                TrialRecord other = trials[i];
                if (other.State == TrialState.Complete && other.Number != self
                    && other.IntermediateValues.TryGetValue(step, out double value) && !double.IsNaN(value))
                {
                    buffer[count++] = value;
                }
            }

            return Median(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The median as NumPy's <c>percentile(values, 50)</c> computes it (linear method): the middle value,
    /// or between the two middle ones <c>b − (b − a) · 0.5</c>, the form NumPy uses for a fraction of a half.
    /// </summary>
    /// <param name="values">The values, sorted in place; none NaN.</param>
    /// <returns>The median, or NaN for no values.</returns>
    internal static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        int middle = (values.Length - 1) / 2;
        if (values.Length % 2 == 1)
        {
            return values[middle];
        }

        double low = values[middle];
        double high = values[middle + 1];
        return high - ((high - low) * 0.5);
    }
}
