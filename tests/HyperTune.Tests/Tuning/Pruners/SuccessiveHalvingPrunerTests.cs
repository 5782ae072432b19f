using HyperTune.Tuning;
using Xunit.Abstractions;

namespace HyperTune.Tests.Tuning.Pruners;

/// <summary>
/// Asynchronous successive halving against rung tables worked by hand from Optuna 3.1's
/// <c>SuccessiveHalvingPruner.prune</c> and <c>_is_trial_promotable_to_next_rung</c>
/// (optuna/pruners/_successive_halving.py): with n values at a rung, the trial itself included, it goes
/// on when its value is at most the max(1, ⌊n/η⌋)-th smallest (minimising). Each theory runs both
/// directions: a maximising study gets every value negated and must decide the same.
/// </summary>
public class SuccessiveHalvingPrunerTests(ITestOutputHelper output)
{
    public static TheoryData<Direction> Directions => new() { Direction.Minimize, Direction.Maximize };

    private static double Signed(Direction direction, double value) => direction == Direction.Minimize ? value : -value;

    // η 3, r 1, s 0: rungs at steps 1, 3, 9. Trials reach rung 1 one after another (all still running
    // or pruned there: everyone who reached the rung competes, the pruned included).
    //   trial  value@1   n  kept if ≤ k-th best   sorted values at the rung   decision
    //   0      5.0       1  1st                   5                           keep
    //   1      4.0       2  1st                   4 5                         keep
    //   2      6.0       3  1st                   4 5 6                       prune
    //   3      4.0       4  1st                   4 4 5 6                     keep (tie)
    //   4      4.5       5  1st                   4 4 4.5 5 6                 prune
    //   5      4.5       6  2nd                   4 4 4.5 4.5 5 6             prune (2nd best is 4)
    //   6      3.0       7  2nd                   3 4 4 4.5 4.5 5 6           keep
    //   7      4.0       8  2nd                   3 4 4 4 …                   keep (tie with the 2nd)
    //   8      4.2       9  3rd                   3 4 4 4 4.2 …               prune (3rd best is 4)
    // Step 2 is no rung: the survivors report 100.0 there and go on. Rung 3, the survivors in order:
    //   0      2.0       1  1st                   2                           keep
    //   1      2.5       2  1st                   2 2.5                       prune
    //   3      1.5       3  1st                   1.5 2 2.5                   keep
    //   6      1.8       4  1st                   1.5 1.8 2 2.5               prune
    //   7      1.0       5  1st                   1 1.5 1.8 2 2.5             keep
    [Theory]
    [MemberData(nameof(Directions))]
    public void Keeps_the_top_third_of_every_trial_that_reached_the_rung(Direction direction)
    {
        var study = new PrunerStudy(new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3), direction);
        double[] rung1 = [5.0, 4.0, 6.0, 4.0, 4.5, 4.5, 3.0, 4.0, 4.2];
        bool[] expected1 = [false, false, true, false, true, true, false, false, true];
        for (int i = 0; i < rung1.Length; i++)
        {
            int trial = study.Start();
            bool prune = study.Report(trial, 1, Signed(direction, rung1[i]));
            Assert.True(expected1[i] == prune, $"Trial {i} at rung 1: expected prune = {expected1[i]}.");
            if (prune)
            {
                study.Finish(trial, TrialState.Pruned);
            }
        }

        int[] survivors = [0, 1, 3, 6, 7];
        foreach (int trial in survivors)
        {
            Assert.False(study.Report(trial, 2, Signed(direction, 100.0)));
        }

        double[] rung3 = [2.0, 2.5, 1.5, 1.8, 1.0];
        bool[] expected3 = [false, true, false, true, false];
        for (int i = 0; i < survivors.Length; i++)
        {
            bool prune = study.Report(survivors[i], 3, Signed(direction, rung3[i]));
            Assert.True(expected3[i] == prune, $"Trial {survivors[i]} at rung 3: expected prune = {expected3[i]}.");
        }
    }

    // η 3, r 1: rungs 1, 3, 9. A trial's value at a rung is its value at its first step at or after it.
    //   A  steps 1 2 3 = 2.0 1.5 1.0, complete                      rung 1: 2.0   rung 3: 1.0
    //   B  steps 2 4   = 1.0 0.5   at 2: rung 1, {1.0, 2.0} keep    rung 1: 1.0   rung 3: 0.5 (at 4: {0.5, 1.0} keep)
    //   C  step 9      = 0.8   judged at rungs 1, 3, 9 with 0.8: rung 1 {0.8, 1.0, 2.0} keep;
    //                          rung 3 {0.5, 0.8, 1.0} prune            rung 1: 0.8   rung 3: 0.8 (pruned, still counts)
    //   D  steps 1 5   = 0.1 0.9   at 1: {0.1, 0.8, 1.0, 2.0} keep; at 5, rung 3: {0.5, 0.8, 0.9, 1.0} prune
    [Theory]
    [MemberData(nameof(Directions))]
    public void Reads_a_rung_from_the_first_step_at_or_after_it_when_steps_are_skipped(Direction direction)
    {
        var study = new PrunerStudy(new SuccessiveHalvingPruner(1, 3), direction);
        int a = study.Start();
        Assert.False(study.Report(a, 1, Signed(direction, 2.0)));
        Assert.False(study.Report(a, 2, Signed(direction, 1.5)));
        Assert.False(study.Report(a, 3, Signed(direction, 1.0)));
        study.Finish(a, TrialState.Complete);

        int b = study.Start();
        Assert.False(study.Report(b, 2, Signed(direction, 1.0)));
        Assert.False(study.Report(b, 4, Signed(direction, 0.5)));
        study.Finish(b, TrialState.Complete);

        int c = study.Start();
        Assert.True(study.Report(c, 9, Signed(direction, 0.8)));
        study.Finish(c, TrialState.Pruned);

        int d = study.Start();
        Assert.False(study.Report(d, 1, Signed(direction, 0.1)));
        Assert.True(study.Report(d, 5, Signed(direction, 0.9)));
    }

    // η 3, r 1, s 1: rungs at 3 and 9 only. One complete trial at 0.0 on steps 1..9; a trial at 10.0
    // is not judged at steps 1 and 2 and is pruned at 3.
    [Fact]
    public void The_minimum_early_stopping_rate_moves_the_first_rung()
    {
        var study = new PrunerStudy(new SuccessiveHalvingPruner(1, 3, minEarlyStoppingRate: 1));
        study.Add(TrialState.Complete, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal([false, false, true], study.Run(study.Start(), 10, 10, 10, 10));
    }

    // η 2, r 2: rungs at 2, 4, 8. Steps 1, 3, 5, 6, 7 are never judged; 2, 4 and 8 are.
    [Fact]
    public void Rungs_sit_at_the_minimum_resource_times_powers_of_eta()
    {
        var study = new PrunerStudy(new SuccessiveHalvingPruner(2, 2));
        study.Add(TrialState.Complete, 0, 0, 0, 0, 0, 0, 0, 0);
        int trial = study.Start();
        Assert.False(study.Report(trial, 1, 10));
        Assert.True(study.Report(trial, 2, 10));

        // A trial that ties at the rungs (n = 2, 1st best) goes on, and is judged exactly at 2, 4, 8.
        var judged = new List<int>();
        for (int step = 1; step <= 8; step++)
        {
            var probe = new PrunerStudy(new SuccessiveHalvingPruner(2, 2));
            probe.Add(TrialState.Complete, 0, 0, 0, 0, 0, 0, 0, 0);
            int p = probe.Start();
            for (int s = 1; s < step; s++)
            {
                Assert.False(probe.Report(p, s, 0));
            }

            if (probe.Report(p, step, 1))
            {
                judged.Add(step);
            }
        }

        Assert.Equal([2, 4, 8], judged);
        Assert.Equal(2L, SuccessiveHalvingPruner.RungStep(2, 2, 0, 0));
        Assert.Equal(16L, SuccessiveHalvingPruner.RungStep(2, 2, 1, 2));
        Assert.Null(SuccessiveHalvingPruner.RungStep(3, 10, 0, 19));
    }

    // η 3, r 1: a trial reaches step 9 (rung 9) at 5.0 against a complete trial at 0.0. With the
    // maximum resource 9 it has used its whole budget: not judged, it completes. Unknown or larger: pruned.
    [Theory]
    [InlineData(null, true)]
    [InlineData(10, true)]
    [InlineData(9, false)]
    [InlineData(8, false)]
    public void Does_not_judge_a_rung_at_or_beyond_the_maximum_resource(int? maxResource, bool pruned)
    {
        var study = new PrunerStudy(new SuccessiveHalvingPruner(1, 3), maxResource: maxResource);
        study.Add(TrialState.Complete, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        int trial = study.Start();
        for (int step = 1; step < 9; step++)
        {
            Assert.False(study.Report(trial, step, 0));
        }

        Assert.Equal(pruned, study.Report(trial, 9, 5.0));
    }

    // Failed trials that reached a rung compete there (as Optuna's rung records of failed trials do), and
    // so do running trials: another worker's trial that reported the rung's step counts for the next arrival.
    //   trial      state     value@1   values at rung 1 (n)     decision
    //   F          failed    1.0       -                        -
    //   R0         running   2.0       1.0 2.0 (2)              prune: the failed trial's 1.0 is better
    //   R1         running   0.5       0.5 1.0 2.0 (3)          keep
    //   R2         running   0.7       0.5 0.7 1.0 2.0 (4)      prune: R1, still running, holds the 1st place
    [Fact]
    public void Every_trial_that_reached_the_rung_competes_whatever_its_state()
    {
        var study = new PrunerStudy(new SuccessiveHalvingPruner(1, 3));
        study.Add(TrialState.Failed, 1.0);
        int r0 = study.Start();
        Assert.True(study.Report(r0, 1, 2.0));
        study.Finish(r0, TrialState.Pruned);
        int r1 = study.Start();
        Assert.False(study.Report(r1, 1, 0.5));
        int r2 = study.Start();
        Assert.True(study.Report(r2, 1, 0.7));
    }

    [Theory]
    [InlineData(0, 3, 0, "minResource")]
    [InlineData(1, 1, 0, "reductionFactor")]
    [InlineData(1, 3, -1, "minEarlyStoppingRate")]
    public void Rejects_arguments_out_of_range(int minResource, int reductionFactor, int rate, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(minResource, reductionFactor, rate));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Has_no_brackets() => Assert.Null(new SuccessiveHalvingPruner(1, 3).AssignBracket("study", 3, 0));

    /// <summary>
    /// ASHA with η 3 on random curves, four workers taking turns: at every rung about a third of the
    /// trials that reach it go on. The relative ranks of i.i.d. values are independent (Rényi), so the k-th
    /// arrival at a rung goes on with probability max(1, ⌊k/3⌋)/k, independently: the test checks each
    /// rung's count against that sum within 3.5 standard deviations (about 0.33 of 4,000 arrivals ± 0.025,
    /// of 440 ± 0.08). Keeping the top half, or judging against the wrong trials, lands far outside.
    /// </summary>
    [Fact]
    public void Promotes_about_a_third_at_each_rung_on_random_curves()
    {
        const int trials = 4000;
        const int workers = 4;
        const int length = 27;
        var study = new PrunerStudy(new SuccessiveHalvingPruner(1, 3));
        var random = new Random(20261202);
        var reached = new Dictionary<int, int> { [1] = 0, [3] = 0, [9] = 0 };
        var promoted = new Dictionary<int, int> { [1] = 0, [3] = 0, [9] = 0 };
        var active = new List<(int Number, double Level, double Noise)>();
        int started = 0;
        while (started < trials || active.Count > 0)
        {
            while (active.Count < workers && started < trials)
            {
                active.Add((study.Start(), random.NextDouble(), 0.3 * random.NextDouble()));
                started++;
            }

            foreach (var trial in active.ToArray())
            {
                int step = study.Trials[trial.Number].IntermediateValues.Count + 1;
                double value = trial.Level + (trial.Noise * random.NextDouble()) + (1.0 / step);
                bool prune = study.Report(trial.Number, step, value);
                if (reached.ContainsKey(step))
                {
                    reached[step]++;
                    promoted[step] += prune ? 0 : 1;
                }

                if (prune || step == length)
                {
                    study.Finish(trial.Number, prune ? TrialState.Pruned : TrialState.Complete);
                    active.Remove(trial);
                }
            }
        }

        Assert.Equal(trials, reached[1]);
        foreach (int rung in new[] { 1, 3, 9 })
        {
            double mean = 0, variance = 0;
            for (int k = 1; k <= reached[rung]; k++)
            {
                double p = Math.Max(1, k / 3) / (double)k;
                mean += p;
                variance += p * (1 - p);
            }

            output.WriteLine($"rung {rung}: {promoted[rung]} of {reached[rung]} went on ({(double)promoted[rung] / reached[rung]:F3}); expected {mean:F1} ± {Math.Sqrt(variance):F1} (1 sd)");
            Assert.True(reached[rung] >= 300, $"Rung {rung}: only {reached[rung]} trials reached it.");
            Assert.True(
                Math.Abs(promoted[rung] - mean) <= 3.5 * Math.Sqrt(variance),
                $"Rung {rung}: {promoted[rung]} of {reached[rung]} went on ({(double)promoted[rung] / reached[rung]:F3}); expected {mean:F0} ± {3.5 * Math.Sqrt(variance):F0}.");
            Assert.InRange((double)promoted[rung] / reached[rung], 0.25, 0.40);
        }
    }
}
