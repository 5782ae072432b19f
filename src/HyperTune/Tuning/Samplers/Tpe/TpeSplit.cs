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
        var ranked = new List<Rank>(trials.Count);
        int finished = 0;
        for (int i = 0; i < trials.Count; i++)
        {
            var trial = trials[i];
            if (!group.IsObservedIn(trial.Unit))
            {
                continue;
            }

            switch (trial.State)
            {
                case TrialState.Complete when trial.Value is double value && !double.IsNaN(value):
                    ranked.Add(new Rank(0, 0, context.Score(value), i));
                    finished++;
                    break;
                case TrialState.Pruned:
                    ranked.Add(PrunedRank(context, trial, i));
                    finished++;
                    break;
                case TrialState.Running when constantLiar:
                    ranked.Add(new Rank(3, 0, 0, i));
                    break;
            }
        }

        ranked.Sort();
        int good = TpeRules.Gamma(finished);
        for (int r = 0; r < ranked.Count; r++)
        {
            (r < good ? below : above).Add(ranked[r].Position);
        }

        below.Sort();
        above.Sort();
    }

    /// <summary>The number of finished (complete with a value, or pruned) trials: what start-up counts.</summary>
    /// <param name="trials">The trials.</param>
    /// <returns>The count.</returns>
    public static int CountFinished(IReadOnlyList<TrialRecord> trials)
    {
        int count = 0;
        foreach (var trial in trials)
        {
            if (trial.State == TrialState.Pruned || (trial.State == TrialState.Complete && trial.Value is double value && !double.IsNaN(value)))
            {
                count++;
            }
        }

        return count;
    }

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
