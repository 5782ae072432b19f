using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// The observations of a group split into the good group l(x) and the rest g(x), as Optuna 3.x ranks
/// them: complete trials by score; then pruned trials, those that got further first (the step reached,
/// then the value at that step); then pruned trials that reported nothing; then, under the constant
/// liar, running trials, which are therefore always bad. The good group is the best γ(n) of the n
/// finished observations. Failed trials are ignored. Both groups keep the trials' chronological order,
/// which the observation weights depend on.
/// </summary>
internal static class TpeSplit
{
    /// <summary>Splits the trials in which <paramref name="group"/> was active.</summary>
    /// <param name="context">The sampler's context.</param>
    /// <param name="group">The group.</param>
    /// <param name="constantLiar">Whether running trials are counted as bad observations.</param>
    /// <param name="below">Receives the good trials' positions in <see cref="SamplerContext.Trials"/>, oldest first.</param>
    /// <param name="above">Receives the other trials' positions, oldest first.</param>
    public static void Split(SamplerContext context, TpeGroup group, bool constantLiar, List<int> below, List<int> above)
    {
        below.Clear();
        above.Clear();
        var trials = context.Trials;
        int finished = 0;
        for (int i = 0; i < trials.Count; i++)
        {
            var trial = trials[i];
            if (IsFinished(trial) && group.IsObservedIn(trial.Unit))
            {
                finished++;
            }
        }

        // The best γ(n) by a bounded insertion (γ ≤ 25): no sort of the whole history.
        int good = TpeRules.Gamma(finished);
        var best = new Rank[good];
        int held = 0;
        for (int i = 0; i < trials.Count && good > 0; i++)
        {
            var trial = trials[i];
            if (!IsFinished(trial) || !group.IsObservedIn(trial.Unit))
            {
                continue;
            }

            var rank = trial.State == TrialState.Complete ? new Rank(0, 0, context.Score(trial.Value!.Value), i) : PrunedRank(context, trial, i);
            if (held == good && rank.CompareTo(best[held - 1]) >= 0)
            {
                continue;
            }

            int at = held == good ? held - 1 : held++;
            while (at > 0 && rank.CompareTo(best[at - 1]) < 0)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = rank;
        }

        for (int r = 0; r < held; r++)
        {
            below.Add(best[r].Position);
        }

        below.Sort();

        // Everything else observed, oldest first; running trials only under the constant liar.
        int next = 0;
        for (int i = 0; i < trials.Count; i++)
        {
            if (next < below.Count && below[next] == i)
            {
                next++;
                continue;
            }

            var trial = trials[i];
            if ((IsFinished(trial) || (constantLiar && trial.State == TrialState.Running)) && group.IsObservedIn(trial.Unit))
            {
                above.Add(i);
            }
        }
    }

    /// <summary>The number of finished (complete with a value, or pruned) trials: what start-up counts.</summary>
    /// <param name="trials">The trials.</param>
    /// <returns>The count.</returns>
    public static int CountFinished(IReadOnlyList<TrialRecord> trials)
    {
        int count = 0;
        foreach (var trial in trials)
        {
            if (IsFinished(trial))
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsFinished(TrialRecord trial) =>
        trial.State == TrialState.Pruned || (trial.State == TrialState.Complete && trial.Value is double value && !double.IsNaN(value));

    private static Rank PrunedRank(SamplerContext context, TrialRecord trial, int position)
    {
        int lastStep = int.MinValue;
        double lastValue = double.NaN;
        foreach (var (step, value) in trial.IntermediateValues)
        {
            if (step > lastStep)
            {
                lastStep = step;
                lastValue = value;
            }
        }

        if (lastStep == int.MinValue)
        {
            return new Rank(2, 0, 0, position);
        }

        double score = double.IsNaN(lastValue) ? double.PositiveInfinity : context.Score(lastValue);
        return new Rank(1, -lastStep, score, position);
    }

    /// <summary>A trial's place in the ranking: by class, then the negated step, then the score, then the number.</summary>
    private readonly record struct Rank(int Class, double NegatedStep, double Score, int Position) : IComparable<Rank>
    {
        public int CompareTo(Rank other)
        {
            int c = Class.CompareTo(other.Class);
            if (c == 0)
            {
                c = NegatedStep.CompareTo(other.NegatedStep);
            }

            if (c == 0)
            {
                c = Score.CompareTo(other.Score);
            }

            return c != 0 ? c : Position.CompareTo(other.Position);
        }
    }
}
