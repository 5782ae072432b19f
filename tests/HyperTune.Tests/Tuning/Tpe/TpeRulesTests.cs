using System;
using System.Collections.Generic;
using System.Linq;
using HyperTune.Tuning;
using MathNet.Numerics.Distributions;
using Xunit;

namespace HyperTune.Tests.Tuning.Tpe;

/// <summary>Optuna 3.x's rules, value by value: gamma, weights, the good/bad split, bandwidths, the normal masses.</summary>
public sealed class TpeRulesTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(100, 10)]
    [InlineData(241, 25)]
    [InlineData(5000, 25)]
    public void Gamma_is_a_tenth_rounded_up_at_most_25(int n, int expected) => Assert.Equal(expected, TpeRules.Gamma(n));

    [Fact]
    public void Weights_are_flat_below_25_then_the_oldest_ramp_from_1_over_n()
    {
        var small = new double[24];
        TpeRules.Weights(small);
        Assert.All(small, w => Assert.Equal(1, w));

        var weights = new double[30];
        TpeRules.Weights(weights);

        // numpy.linspace(1/30, 1, 5), then 25 ones.
        double[] ramp = [1.0 / 30, (1.0 / 30) + (0.25 * 29 / 30), (1.0 / 30) + (0.5 * 29 / 30), (1.0 / 30) + (0.75 * 29 / 30), 1];
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(ramp[i], weights[i], 12);
        }

        Assert.All(weights[5..], w => Assert.Equal(1, w));

        var single = new double[26];
        TpeRules.Weights(single);
        Assert.Equal(1.0 / 26, single[0], 12);
    }

    [Fact]
    public void Complete_trials_rank_first_then_pruned_by_step_reached_then_value_and_running_trials_are_always_bad()
    {
        var space = new UnitSpace(TestFunctions.BraninSpace);
        var trials = new List<TrialRecord>();
        void Add(TrialState state, double? value, params (int Step, double Value)[] steps) =>
            trials.Add(SamplerHarness.Complete(space, trials.Count, [0.1 * trials.Count % 1, 0.5], value ?? 0, state) with
            {
                IntermediateValues = steps.ToDictionary(s => s.Step, s => s.Value),
                Value = value,
            });

        Add(TrialState.Pruned, 0.0, (1, 5.0), (2, 0.0));     // 0: pruned at step 2, value 0
        Add(TrialState.Complete, 50.0);                       // 1: complete, the worst complete
        Add(TrialState.Pruned, 9.0, (1, 1.0), (5, 9.0));     // 2: pruned at step 5: ranks above the step-2 one
        Add(TrialState.Failed, null);                         // 3: ignored
        Add(TrialState.Running, null);                        // 4: always bad
        Add(TrialState.Complete, 40.0);                       // 5
        Add(TrialState.Pruned, null);                         // 6: pruned before reporting: the last finished
        for (int i = 0; i < 14; i++)
        {
            Add(TrialState.Complete, 100.0 + i);              // 7..20
        }

        // 20 finished: gamma 2 -> the two best complete trials, in chronological order.
        var context = new SamplerContext(space, trials, Direction.Minimize, trials.Count, new Random(0), 10);
        var group = TpeGroups.For(space).Groups.Single();
        List<int> below = [], above = [];
        TpeSplit.Split(context, group, constantLiar: true, below, above);
        Assert.Equal([1, 5], below);
        Assert.Contains(4, above);
        Assert.DoesNotContain(3, above);
        Assert.Equal(18, above.Count);

        // Only pruned trials left to fill the good group: the one that went further wins despite its value.
        var fewComplete = trials.Where(t => t.State != TrialState.Complete || t.Number == 1).ToList();
        fewComplete.AddRange(Enumerable.Range(0, 16).Select(i => SamplerHarness.Complete(space, 100 + i, [0.5, 0.5], 0, TrialState.Running)));
        context = context with { Trials = fewComplete };
        TpeSplit.Split(context, group, constantLiar: true, below, above);

        // Finished: 1, 0, 2, 6 -> gamma(4) = 1; and with the liar off the running trials vanish.
        Assert.Equal([1], below);
        TpeSplit.Split(context, group, constantLiar: false, below, above);
        Assert.Equal(3, above.Count);

        var onlyPruned = fewComplete.Where(t => t.State == TrialState.Pruned).ToList();
        onlyPruned.AddRange(Enumerable.Range(0, 8).Select(i => SamplerHarness.Complete(space, 200 + i, [0.5, 0.5], 0, TrialState.Pruned) with { IntermediateValues = new Dictionary<int, double> { [1] = -100 }, Value = -100 }));
        context = context with { Trials = onlyPruned };
        TpeSplit.Split(context, group, constantLiar: true, below, above);

        // 11 finished -> gamma 2: step 5 (trial 2), then step 2 (trial 0); the step-1 trials with -100 after them.
        Assert.Equal(new[] { 0, 2 }, below.Select(i => onlyPruned[i].Number).Order());
    }

    [Fact]
    public void Maximising_ranks_the_largest_value_best()
    {
        var space = new UnitSpace(TestFunctions.BraninSpace);
        var trials = Enumerable.Range(0, 10).Select(i => SamplerHarness.Complete(space, i, [0.1 * i, 0.5], i)).ToList();
        var context = new SamplerContext(space, trials, Direction.Maximize, 10, new Random(0), 10);
        List<int> below = [], above = [];
        TpeSplit.Split(context, TpeGroups.For(space).Groups.Single(), true, below, above);
        Assert.Equal([9], below);
    }

    [Fact]
    public void Univariate_bandwidths_are_the_larger_neighbour_gap_with_the_prior_among_the_centres()
    {
        // Observations 0.1, 0.2, 0.8 and the prior at 0.5: sorted 0.1, 0.2, 0.5, 0.8.
        var coordinate = new TpeCoordinate(new UnitSpace(TestFunctions.BraninSpace), 0);
        var estimator = new ParzenEstimator([coordinate], [0.1, 0.2, 0.8], 3, multivariate: false);
        var sigma = Sigmas(estimator);

        // 0.1: outermost, gap to its inner neighbour 0.1, clipped to 1 / (1 + 4 kernels) = 0.2;
        // 0.2: max(0.1, 0.3); 0.8: outermost, 0.3; prior: 1.
        Assert.Equal([0.2, 0.3, 0.3, 1.0], sigma.Select(s => Math.Round(s, 12)));

        // Clipped from below at 1 / min(100, 1 + kernels): two observations 0.001 apart.
        var clipped = Sigmas(new ParzenEstimator([coordinate], [0.5, 0.501], 2, multivariate: false));
        Assert.Equal(0.25, clipped[0], 12);
    }

    [Fact]
    public void Multivariate_bandwidth_is_the_scaled_scott_rule()
    {
        var space = new UnitSpace(TestFunctions.Hartmann6Space);
        var coordinates = Enumerable.Range(0, 6).Select(i => new TpeCoordinate(space, i)).ToArray();
        var estimator = new ParzenEstimator(coordinates, Enumerable.Repeat(0.5, 6 * 40).ToArray(), 40, multivariate: true);
        double expected = TpeRules.ScottFactor * Math.Pow(40, -1.0 / 10);
        Assert.Equal(expected, Sigmas(estimator)[0], 12);
    }

    [Fact]
    public void The_mixture_density_integrates_to_one_over_the_range()
    {
        var coordinate = new TpeCoordinate(new UnitSpace(TestFunctions.BraninSpace), 0);
        var estimator = new ParzenEstimator([coordinate], [0.02, 0.3, 0.31, 0.97], 4, multivariate: false);
        const int steps = 20000;
        var points = Enumerable.Range(0, steps).Select(i => (i + 0.5) / steps).ToArray();
        var log = new double[steps];
        estimator.LogPdf(points, log, new double[estimator.Kernels]);
        Assert.Equal(1, log.Sum(Math.Exp) / steps, 4);
    }

    [Fact]
    public void Integer_probabilities_sum_to_one_over_the_integers()
    {
        var space = new UnitSpace([Dimension.Integer("N", typeof(int), 1, 30, Scale.Log)]);
        var coordinate = new TpeCoordinate(space, 0);
        double[] observed = [Encode(3), Encode(4), Encode(25)];
        var estimator = new ParzenEstimator([coordinate], observed, 3, multivariate: true);
        var points = Enumerable.Range(1, 30).Select(v => Encode(v)).ToArray();
        var log = new double[30];
        estimator.LogPdf(points, log, new double[estimator.Kernels]);
        Assert.Equal(1, log.Sum(Math.Exp), 6); // the normal tails are accurate to 1.2e-7

        static double Encode(long v) => Generated.IntegerRange.Encode(v, 1, 30, Scale.Log);
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(-0.3, 2.5)]
    [InlineData(1.0, 3.0)]
    [InlineData(4.0, 6.0)]
    [InlineData(-9.0, -8.0)]
    [InlineData(0.5, 0.505)]
    [InlineData(-40.0, 40.0)]
    public void Normal_interval_masses_match_MathNet(double a, double b)
    {
        double expected = Math.Log(a >= 0 ? Normal.CDF(0, 1, -a) - Normal.CDF(0, 1, -b) : Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a));
        Assert.Equal(expected, Gaussian.LogMass(a, b), 5);
        if (a <= 0 && b >= 0)
        {
            Assert.Equal(expected, Gaussian.LogMassAround(a, b), 6);
            var many = new double[9];
            Gaussian.LogMassesAround(Enumerable.Repeat(a, 9).ToArray(), Enumerable.Repeat(b, 9).ToArray(), many);
            Assert.All(many, m => Assert.Equal(expected, m, 6));
        }
    }

    [Fact]
    public void Far_tail_masses_stay_finite_and_accurate()
    {
        // Q(30) = 4.906713927148187e-198: ln = -453.6...
        Assert.Equal(Math.Log(4.906713927148187e-198), Gaussian.LogMass(30, double.PositiveInfinity), 5);
        Assert.True(double.IsFinite(Gaussian.LogMass(-60, -59.9)));
    }

    [Fact]
    public void Truncated_draws_stay_in_their_interval_and_follow_it()
    {
        var random = new Random(4);
        var draws = Enumerable.Range(0, 20000).Select(_ => Gaussian.NextTruncated(random, 0.0, 0.3, 0, 1)).ToArray();
        Assert.All(draws, x => Assert.InRange(x, 0, 1));

        // Half-normal on [0, 1] with sigma 0.3: mean = sigma * sqrt(2/pi) * (1 - e^(-1/(2 sigma^2))) / (Phi(1/sigma) - 1/2).
        double z = 1 / 0.3;
        double mean = 0.3 * Math.Sqrt(2 / Math.PI) * (1 - Math.Exp(-z * z / 2)) / (2 * (Normal.CDF(0, 1, z) - 0.5));
        Assert.Equal(mean, draws.Average(), 2);

        // Far in a tail the draw inverts the distribution function instead of rejecting forever.
        Assert.InRange(Gaussian.NextTruncated(random, 0, 0.01, 0.5, 1), 0.5, 1);
    }

    private static double[] Sigmas(ParzenEstimator estimator) =>
        Enumerable.Range(0, estimator.Kernels).Select(k => estimator.Bandwidth(0, k)).ToArray();
}
