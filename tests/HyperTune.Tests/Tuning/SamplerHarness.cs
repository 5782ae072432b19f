using System;
using System.Collections.Generic;
using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning;

/// <summary>
/// Drives a sampler on a function of the unit encoding, one trial at a time, the way a study at degree
/// of parallelism 1 does (same per-trial random streams), and returns the best-so-far after each trial.
/// </summary>
internal static class SamplerHarness
{
    public delegate double UnitFunction(ReadOnlySpan<double> unit);

    /// <summary>Runs <paramref name="trials"/> trials and returns best-so-far values, one per trial.</summary>
    public static double[] Run(ISampler sampler, IReadOnlyList<Dimension> dimensions, UnitFunction function, int trials, int seed, int startupTrials = 10, Direction direction = Direction.Minimize)
    {
        var space = new UnitSpace(dimensions);
        var history = new List<TrialRecord>();
        var best = new double[trials];
        double bestSoFar = double.PositiveInfinity;
        for (int number = 0; number < trials; number++)
        {
            var context = new SamplerContext(space, history, direction, number, TrialSeeds.SamplerRandom(seed, number), startupTrials);
            var proposal = sampler.Propose(context) ?? throw new InvalidOperationException($"The sampler proposed nothing at trial {number}.");
            double[] unit = (double[])proposal.Unit.Clone();
            space.MarkInactive(unit);
            double value = function(unit);
            history.Add(Complete(space, number, unit, value));
            double score = direction == Direction.Minimize ? value : -value;
            bestSoFar = Math.Min(bestSoFar, score);
            best[number] = direction == Direction.Minimize ? bestSoFar : -bestSoFar;
        }

        return best;
    }

    /// <summary>A complete trial record at a point.</summary>
    public static TrialRecord Complete(UnitSpace space, int number, double[] unit, double value, TrialState state = TrialState.Complete) => new(
        number, state, unit, ParameterText.FromUnit(space, unit), state is TrialState.Running or TrialState.Failed ? null : value,
        new SortedDictionary<int, double>(), DateTimeOffset.UnixEpoch, state == TrialState.Running ? null : DateTimeOffset.UnixEpoch,
        TrialSeeds.ForTrial(0, number), null, null, null, null, false, "test");
}
