using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// The tree-structured Parzen estimator (Bergstra, Bardenet, Bengio, Kégl 2011) as Optuna 3.x runs it,
/// multivariate by default (Falkner, Klein, Hutter 2018; Optuna's <c>multivariate=True</c> with
/// <c>group=True</c>): after <see cref="SamplerContext.StartupTrials"/> finished trials drawn at random,
/// each group of coordinates that are active together is modelled by two Parzen estimators, l(x) over
/// the best γ(n) observations in which the group was active and g(x) over the rest, and the group takes
/// the best of <see cref="TpeRules.Candidates"/> draws from l(x) by log l(x) − log g(x). Running trials
/// count as bad observations (constant liar), so parallel workers spread out.
/// </summary>
/// <remarks>
/// Stateless: everything comes from the context, and all randomness from the trial's own stream, so the
/// same context gives the same proposal. Inactive coordinates are neither sampled nor modelled: they
/// are left at <see cref="Generated.Categorical.InactiveCoordinate"/>.
/// </remarks>
internal sealed class TpeSampler : ISampler
{
    /// <summary>Creates a TPE sampler.</summary>
    /// <param name="multivariate">Joint kernels over each group (default) rather than one estimator per coordinate.</param>
    /// <param name="constantLiar">Count running trials as bad observations (default).</param>
    /// <param name="candidates">Draws from l(x) per proposal, 24 by default as Optuna.</param>
    public TpeSampler(bool multivariate = true, bool constantLiar = true, int candidates = TpeRules.Candidates)
    {
        if (candidates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(candidates), candidates, "TPE needs at least one candidate.");
        }

        Multivariate = multivariate;
        ConstantLiar = constantLiar;
        Candidates = candidates;
    }

    /// <summary>Draws from l(x) per proposal.</summary>
    public int Candidates { get; }

    /// <summary>Whether groups are modelled with joint kernels.</summary>
    public bool Multivariate { get; }

    /// <summary>Whether running trials count as bad observations.</summary>
    public bool ConstantLiar { get; }

    /// <inheritdoc/>
    public SamplerProposal? Propose(SamplerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space;
        var unit = new double[space.Count];
        if (TpeSplit.CountFinished(context.Trials) < context.StartupTrials)
        {
            for (int i = 0; i < unit.Length; i++)
            {
                unit[i] = context.Random.NextDouble();
            }

            return new SamplerProposal(unit);
        }

        unit.AsSpan().Fill(Generated.Categorical.InactiveCoordinate);
        var below = new List<int>();
        var above = new List<int>();
        foreach (var group in TpeGroups.For(space).Groups)
        {
            if (group.Parent >= 0 && !space.IsActive(group.Coordinates[0].Index, unit))
            {
                continue;
            }

            TpeSplit.Split(context, group, ConstantLiar, below, above);
            if (Multivariate)
            {
                SampleJointly(context, group.Coordinates, below, above, unit);
            }
            else
            {
                foreach (var coordinate in group.Coordinates)
                {
                    SampleJointly(context, new[] { coordinate }, below, above, unit);
                }
            }
        }

        return new SamplerProposal(unit);
    }

    /// <summary>Samples the coordinates of one estimator pair: the best candidate from l(x) by log l − log g.</summary>
    private void SampleJointly(SamplerContext context, TpeCoordinate[] coordinates, List<int> below, List<int> above, double[] unit)
    {
        int d = coordinates.Length;
        using var good = new ParzenEstimator(coordinates, Observations(context.Trials, coordinates, below), below.Count, Multivariate);
        using var bad = new ParzenEstimator(coordinates, Observations(context.Trials, coordinates, above), above.Count, Multivariate);
        var candidates = new double[Candidates * d];
        good.Sample(context.Random, candidates);
        var logGood = new double[Candidates];
        var logBad = new double[Candidates];
        var scratch = new double[Math.Max(good.Kernels, bad.Kernels)];
        good.LogPdf(candidates, logGood, scratch);
        bad.LogPdf(candidates, logBad, scratch);
        int best = 0;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < Candidates; c++)
        {
            double score = logGood[c] - logBad[c];
            if (score > bestScore)
            {
                best = c;
                bestScore = score;
            }
        }

        for (int j = 0; j < d; j++)
        {
            unit[coordinates[j].Index] = coordinates[j].ToUnit(candidates[(best * d) + j]);
        }
    }

    private static double[] Observations(IReadOnlyList<TrialRecord> trials, TpeCoordinate[] coordinates, List<int> positions)
    {
        int d = coordinates.Length;
        var values = GC.AllocateUninitializedArray<double>(positions.Count * d);
        for (int o = 0; o < positions.Count; o++)
        {
            var stored = trials[positions[o]].Unit;
            for (int j = 0; j < d; j++)
            {
                values[(o * d) + j] = coordinates[j].FromUnit(stored[coordinates[j].Index]);
            }
        }

        return values;
    }
}
