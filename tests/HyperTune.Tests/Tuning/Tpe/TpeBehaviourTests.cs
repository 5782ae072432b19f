using System;
using System.Collections.Generic;
using System.Linq;
using HyperTune.Tuning;
using Xunit;

namespace HyperTune.Tests.Tuning.Tpe;

/// <summary>What TPE proposes: in range, snapped, conditional coordinates left alone, deterministic, spread by the constant liar.</summary>
public sealed class TpeBehaviourTests
{
    private static readonly Dimension[] s_mixed =
    [
        Dimension.Categorical("Optimizer", typeof(string), new object?[] { "sgd", "adam", "rmsprop" }),
        Dimension.Categorical("Single", typeof(string), new object?[] { "only" }),
        Dimension.Integer("Units", typeof(int), 16, 256, Scale.Log),
        Dimension.Integer("Layers", typeof(int), 1, 4, Scale.Linear),
        Dimension.Continuous("LearningRate", typeof(double), 1e-5, 1e-1, Scale.Log),
        Dimension.Continuous("Momentum", typeof(double), 0, 0.99, Scale.Linear, new DimensionCondition("Optimizer", new object?[] { "sgd" })),
        Dimension.Integer("Warmup", typeof(int), 0, 10, Scale.Linear, new DimensionCondition("Optimizer", new object?[] { "sgd", "rmsprop" })),
    ];

    /// <summary>Best at Optimizer = adam (index 1), Units = 64, Layers = 2, LearningRate = 1e-3; sgd's momentum matters.</summary>
    private static double Mixed(ReadOnlySpan<double> unit)
    {
        int optimizer = Generated.Categorical.Decode(unit[0], 3);
        long units = Generated.IntegerRange.Decode(unit[2], 16, 256, Scale.Log);
        long layers = Generated.IntegerRange.Decode(unit[3], 1, 4, Scale.Linear);
        double lr = Generated.RealRange.Decode(unit[4], 1e-5, 1e-1, Scale.Log);
        double value = (optimizer == 1 ? 0 : 1) + Math.Abs(Math.Log2(units / 64.0)) + Math.Abs(layers - 2) + Math.Abs(Math.Log10(lr) + 3);
        if (optimizer == 0)
        {
            value += Math.Abs(unit[5] - 0.9);
        }

        return value;
    }

    [Fact]
    public void Every_proposal_is_in_range_categorical_at_a_candidate_and_integers_snapped()
    {
        var space = new UnitSpace(s_mixed);
        foreach (var sampler in new[] { new TpeSampler(), new TpeSampler(multivariate: false) })
        {
            var history = new List<TrialRecord>();
            for (int number = 0; number < 60; number++)
            {
                var unit = Propose(sampler, space, history, number, seed: 11);
                for (int i = 0; i < unit.Length; i++)
                {
                    Assert.InRange(unit[i], 0, 1);
                }

                int optimizer = Generated.Categorical.Decode(unit[0], 3);
                if (number >= 10)
                {
                    Assert.Equal(Generated.Categorical.Encode(optimizer, 3), unit[0]);
                    Assert.Equal(0.5, unit[1]);
                    Assert.Equal(Generated.IntegerRange.Encode(Generated.IntegerRange.Decode(unit[2], 16, 256, Scale.Log), 16, 256, Scale.Log), unit[2]);
                    Assert.Equal(Generated.IntegerRange.Encode(Generated.IntegerRange.Decode(unit[3], 1, 4, Scale.Linear), 1, 4, Scale.Linear), unit[3]);
                }

                space.MarkInactive(unit);
                history.Add(SamplerHarness.Complete(space, number, unit, Mixed(unit)));
            }
        }
    }

    [Fact]
    public void Categories_and_integers_are_learned()
    {
        var space = new UnitSpace(s_mixed);
        var history = new List<TrialRecord>();
        var sampler = new TpeSampler();
        for (int number = 0; number < 80; number++)
        {
            var unit = Propose(sampler, space, history, number, seed: 5);
            space.MarkInactive(unit);
            history.Add(SamplerHarness.Complete(space, number, unit, Mixed(unit)));
        }

        var late = history.Skip(50).ToArray();
        int adam = late.Count(t => Generated.Categorical.Decode(t.Unit[0], 3) == 1);
        int twoLayers = late.Count(t => Generated.IntegerRange.Decode(t.Unit[3], 1, 4, Scale.Linear) == 2);

        // Random search: a third of the trials use adam and a quarter two layers.
        Assert.True(adam >= 18, $"{adam} of 30 late trials use adam");
        Assert.True(twoLayers >= 15, $"{twoLayers} of 30 late trials use two layers");
    }

    [Fact]
    public void Inactive_coordinates_are_left_alone_and_not_modelled()
    {
        var space = new UnitSpace(s_mixed);
        var history = new List<TrialRecord>();
        var sampler = new TpeSampler();
        for (int number = 0; number < 70; number++)
        {
            var unit = Propose(sampler, space, history, number, seed: 9);
            int optimizer = Generated.Categorical.Decode(unit[0], 3);
            if (number >= 10)
            {
                // Momentum only under sgd, warm-up under sgd and rmsprop: otherwise not sampled.
                Assert.True(optimizer == 0 || unit[5] == Generated.Categorical.InactiveCoordinate, $"trial {number}");
                Assert.True(optimizer != 1 || unit[6] == Generated.Categorical.InactiveCoordinate, $"trial {number}");
            }

            space.MarkInactive(unit);
            history.Add(SamplerHarness.Complete(space, number, unit, Mixed(unit)));
        }

        Assert.All(history.Where(t => Generated.Categorical.Decode(t.Unit[0], 3) != 0), t => Assert.True(double.IsNaN(t.Unit[5])));
    }

    [Fact]
    public void A_conditional_coordinate_is_modelled_from_the_trials_where_it_was_active()
    {
        // Branch a: best at x = 0.8; branch b: best at y = 0.2, slightly worse. Each branch's coordinate
        // must be learned from its own trials only (the other branch's trials hold NaN there).
        Dimension[] dimensions =
        [
            Dimension.Categorical("Branch", typeof(string), new object?[] { "a", "b" }),
            Dimension.Continuous("X", typeof(double), 0, 1, Scale.Linear, new DimensionCondition("Branch", new object?[] { "a" })),
            Dimension.Continuous("Y", typeof(double), 0, 1, Scale.Linear, new DimensionCondition("Branch", new object?[] { "b" })),
        ];
        static double Objective(ReadOnlySpan<double> unit) =>
            Generated.Categorical.Decode(unit[0], 2) == 0 ? Math.Abs(unit[1] - 0.8) : 0.1 + Math.Abs(unit[2] - 0.2);

        int near = 0, total = 0;
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var space = new UnitSpace(dimensions);
            var history = new List<TrialRecord>();
            for (int number = 0; number < 60; number++)
            {
                var unit = Propose(new TpeSampler(), space, history, number, seed);
                space.MarkInactive(unit);
                history.Add(SamplerHarness.Complete(space, number, unit, Objective(unit)));
            }

            foreach (var trial in history.Skip(30))
            {
                bool a = Generated.Categorical.Decode(trial.Unit[0], 2) == 0;
                double value = a ? trial.Unit[1] : trial.Unit[2];
                near += Math.Abs(value - (a ? 0.8 : 0.2)) < 0.1 ? 1 : 0;
                total++;
            }
        }

        // Uniform draws land within 0.1 of the target a fifth of the time.
        Assert.True(near * 2 > total, $"{near} of {total} late trials within 0.1 of their branch's optimum");
    }

    [Fact]
    public void A_conditional_group_never_observed_is_drawn_from_its_prior_in_range()
    {
        // Every finished trial used adam: sgd's momentum has no observation at all.
        var space = new UnitSpace(s_mixed);
        var history = new List<TrialRecord>();
        var random = new Random(1);
        for (int number = 0; number < 20; number++)
        {
            double[] unit = [Generated.Categorical.Encode(1, 3), 0.5, random.NextDouble(), random.NextDouble(), random.NextDouble(), 0, 0];
            space.MarkInactive(unit);
            history.Add(SamplerHarness.Complete(space, number, unit, random.NextDouble()));
        }

        for (int seed = 0; seed < 50; seed++)
        {
            var unit = Propose(new TpeSampler(), space, history, 20, seed);
            Assert.InRange(unit[5], 0, 1);
        }
    }

    [Fact]
    public void The_same_context_gives_the_same_proposal()
    {
        var space = new UnitSpace(TestFunctions.Hartmann6Space);
        var history = History(space, 40, seed: 2);
        foreach (var sampler in new[] { new TpeSampler(), new TpeSampler(multivariate: false) })
        {
            var first = Propose(sampler, space, history, 40, seed: 8);
            var second = Propose(sampler, space, history, 40, seed: 8);
            var otherStream = Propose(sampler, space, history, 40, seed: 9);

            Assert.Equal(first, second);
            Assert.NotEqual(first, otherStream);
        }
    }

    [Fact]
    public void A_running_trial_at_the_proposal_makes_the_constant_liar_propose_elsewhere()
    {
        var space = new UnitSpace(TestFunctions.BraninSpace);
        var history = History(space, 30, seed: 4);
        var liar = new TpeSampler();
        var first = Propose(liar, space, history, 30, seed: 12);

        // A second worker asks while the first trial runs; same stream to isolate the liar's effect.
        var withRunning = history.Append(SamplerHarness.Complete(space, 30, first, 0, TrialState.Running)).ToList();
        var second = Propose(liar, space, withRunning, 31, seed: 12, streamNumber: 30);
        var ignoringRunning = Propose(new TpeSampler(constantLiar: false), space, withRunning, 31, seed: 12, streamNumber: 30);

        Assert.NotEqual(first, second);
        Assert.Equal(first, ignoringRunning);
    }

    [Fact]
    public void Start_up_trials_are_drawn_at_random_until_enough_trials_finished()
    {
        var space = new UnitSpace(TestFunctions.BraninSpace);
        var history = History(space, 9, seed: 1);
        history.Add(SamplerHarness.Complete(space, 9, [0.5, 0.5], 0, TrialState.Running));
        history.Add(SamplerHarness.Complete(space, 10, [0.5, 0.5], 0, TrialState.Failed));

        // Nine finished (running and failed ones do not count): still random, i.e. the stream's first draws.
        var unit = Propose(new TpeSampler(), space, history, 11, seed: 6);
        var stream = TrialSeeds.SamplerRandom(6, 11);
        Assert.Equal(new[] { stream.NextDouble(), stream.NextDouble() }, unit);
    }

    private static double[] Propose(ISampler sampler, UnitSpace space, IReadOnlyList<TrialRecord> history, int number, int seed, int? streamNumber = null) =>
        sampler.Propose(new SamplerContext(space, history, Direction.Minimize, number, TrialSeeds.SamplerRandom(seed, streamNumber ?? number), 10))!.Unit;

    private static List<TrialRecord> History(UnitSpace space, int count, int seed)
    {
        var random = new Random(seed);
        var history = new List<TrialRecord>();
        for (int number = 0; number < count; number++)
        {
            var unit = Enumerable.Range(0, space.Count).Select(_ => random.NextDouble()).ToArray();
            double value = space.Count == 2 ? TestFunctions.Branin(unit) : TestFunctions.Hartmann6(unit);
            history.Add(SamplerHarness.Complete(space, number, unit, value));
        }

        return history;
    }
}
