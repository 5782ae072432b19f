using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Pruners;

/// <summary>
/// The median pruner against tables worked by hand from Optuna 3.1's <c>PercentilePruner.prune</c>
/// (optuna/pruners/_percentile.py). Each theory runs both directions: a maximising study gets every
/// value negated and must decide the same.
/// </summary>
public class MedianPrunerTests
{
    public static TheoryData<Direction> Directions => new() { Direction.Minimize, Direction.Maximize };

    private static double[] Signed(Direction direction, params double[] values) =>
        direction == Direction.Minimize ? values : [.. values.Select(v => -v)];

    // Complete trials (steps 1 2 3):      T0: 1.0 0.8 0.6    T1: 2.0 1.0 0.5    T2: 3.0 1.2 0.9
    // Pruned trial P3: 0.1 0.1 (does not count).
    // Medians of the complete trials:   step 1: 2.0         step 2: 1.0        step 3: 0.6
    // Trial 4 reports                    step 1: 1.9 → best 1.9 ≤ 2.0 keep;  step 2: 1.1 → best 1.1 > 1.0 prune.
    [Theory]
    [MemberData(nameof(Directions))]
    public void Prunes_when_the_best_so_far_is_worse_than_the_median_of_complete_trials(Direction direction)
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 3), direction);
        study.Add(TrialState.Complete, Signed(direction, 1.0, 0.8, 0.6));
        study.Add(TrialState.Complete, Signed(direction, 2.0, 1.0, 0.5));
        study.Add(TrialState.Complete, Signed(direction, 3.0, 1.2, 0.9));
        study.Add(TrialState.Pruned, Signed(direction, 0.1, 0.1));
        int trial = study.Start();
        Assert.Equal([false, true], study.Run(trial, Signed(direction, 1.9, 1.1, 0.1)));
    }

    // Same complete trials. Trial 4: step 1: 0.5 (best 0.5 ≤ 2.0 keep); step 2: 5.0, but the best so
    // far is still 0.5 ≤ 1.0: keep; step 3: 0.6, best 0.5 ≤ 0.6 keep. Equal to the median: keep (strict).
    [Theory]
    [MemberData(nameof(Directions))]
    public void Judges_the_best_value_so_far_not_the_last_one_and_keeps_a_tie(Direction direction)
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 3), direction);
        study.Add(TrialState.Complete, Signed(direction, 1.0, 0.8, 0.6));
        study.Add(TrialState.Complete, Signed(direction, 2.0, 1.0, 0.5));
        study.Add(TrialState.Complete, Signed(direction, 3.0, 1.2, 0.9));
        Assert.Equal([false, false, false], study.Run(study.Start(), Signed(direction, 0.5, 5.0, 0.6)));
        Assert.Equal([false, false], study.Run(study.Start(), Signed(direction, 2.0, 1.0)));
    }

    // Four complete trials at step 1: 1, 2, 3, 10 → median 2.5 (between the middle two).
    // 2.5 keeps, 2.5000001 prunes.
    [Theory]
    [MemberData(nameof(Directions))]
    public void Interpolates_the_median_of_an_even_count(Direction direction)
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 4), direction);
        foreach (double value in new[] { 10.0, 1.0, 3.0, 2.0 })
        {
            study.Add(TrialState.Complete, Signed(direction, value));
        }

        Assert.False(study.Report(study.Start(), 1, Signed(direction, 2.5)[0]));
        Assert.True(study.Report(study.Start(), 1, Signed(direction, 2.5000001)[0]));
    }

    // startupTrials 3. Complete: T0 (1.0), T1 (1.0); pruned and failed trials do not count. A trial at
    // 100.0 goes on while only 2 trials are complete, and is pruned once a third completes.
    [Theory]
    [MemberData(nameof(Directions))]
    public void Waits_for_the_start_up_trials_counting_complete_trials_only(Direction direction)
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 3), direction);
        study.Add(TrialState.Complete, Signed(direction, 1.0, 1.0));
        study.Add(TrialState.Complete, Signed(direction, 1.0, 1.0));
        for (int i = 0; i < 5; i++)
        {
            study.Add(TrialState.Pruned, Signed(direction, 1.0));
            study.Add(TrialState.Failed, Signed(direction, 1.0));
        }

        int trial = study.Start();
        Assert.False(study.Report(trial, 1, Signed(direction, 100.0)[0]));
        study.Add(TrialState.Complete, Signed(direction, 1.0, 1.0));
        Assert.True(study.Report(trial, 2, Signed(direction, 100.0)[0]));
    }

    [Fact]
    public void Never_prunes_before_a_trial_completes_even_with_no_start_up_trials()
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 0));
        study.Add(TrialState.Pruned, 0.0);
        Assert.Equal([false, false], study.Run(study.Start(), 100.0, 100.0));
    }

    // warmupSteps 3, three complete trials at 1.0 on steps 1..5. A trial at 9.0: steps 1 and 2 are
    // below the warm-up (kept), step 3 is the first that can be pruned.
    [Fact]
    public void Does_not_prune_below_the_warm_up_step()
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 3, warmupSteps: 3));
        for (int i = 0; i < 3; i++)
        {
            study.Add(TrialState.Complete, 1.0, 1.0, 1.0, 1.0, 1.0);
        }

        Assert.Equal([false, false, true], study.Run(study.Start(), 9.0, 9.0, 9.0, 9.0));
    }

    // warmupSteps 2, intervalSteps 3: checks at steps 2, 5, 8; a check whose step a trial skipped is
    // made at its next report.
    //   one complete trial at 1.0 on steps 1..9:
    //     trial at 9.0 on every step      step 1: warm-up, keep    step 2: check, 9.0 > 1.0, prune
    //     trial at 9.0 from step 3        step 3: first report past check 2, prune
    //   one complete trial at 5.0 on steps 1..2, 0.1 on steps 3..8 (the median drops after check 2):
    //     trial at 1.0 on steps 2..5      2: check, keep    3, 4: no check, keep    5: check, 1.0 > 0.1, prune
    //     trial at 1.0 on steps 2, 4, 6   2: check, keep    4: no check, keep       6: first past check 5, prune
    [Fact]
    public void Judges_only_at_the_first_report_at_or_after_each_interval_check()
    {
        var pruner = new MedianPruner(startupTrials: 1, warmupSteps: 2, intervalSteps: 3);
        var study = new PrunerStudy(pruner);
        study.Add(TrialState.Complete, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);

        // Every step, always worse than the median: only steps 2, 5, 8 may prune.
        int every = study.Start();
        Assert.False(study.Report(every, 1, 9.0));
        Assert.True(study.Report(every, 2, 9.0));

        int late = study.Start();
        Assert.True(study.Report(late, 3, 9.0));

        var dropping = new PrunerStudy(pruner);
        dropping.Add(TrialState.Complete, 5.0, 5.0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        int trial = dropping.Start();
        Assert.False(dropping.Report(trial, 2, 1.0));   // check 2: 1.0 ≤ 5.0
        Assert.False(dropping.Report(trial, 3, 1.0));   // not a check (median 0.1)
        Assert.False(dropping.Report(trial, 4, 1.0));   // not a check
        Assert.True(dropping.Report(trial, 5, 1.0));    // check 5: 1.0 > 0.1

        int sparse = dropping.Start();
        Assert.False(dropping.Report(sparse, 2, 1.0));  // check 2
        Assert.False(dropping.Report(sparse, 4, 1.0));  // not a check
        Assert.True(dropping.Report(sparse, 6, 1.0));   // first report at or after check 5
    }

    // No complete trial reported step 7 (they stopped at 5): no median, no pruning there.
    [Fact]
    public void Does_not_prune_at_a_step_no_complete_trial_reached()
    {
        var study = new PrunerStudy(new MedianPruner(startupTrials: 1));
        study.Add(TrialState.Complete, 1.0, 1.0, 1.0, 1.0, 1.0);
        int trial = study.Start();
        Assert.False(study.Report(trial, 7, 9.0));
        Assert.False(study.Report(trial, 8, 9.0));
        Assert.False(study.Report(trial, 5, 9.0), "The judged step is the trial's largest (8), as Optuna's last_step, not 5.");
    }

    [Fact]
    public void Median_is_numpy_s()
    {
        Assert.True(double.IsNaN(MedianPruner.Median([])));
        Assert.Equal(3.0, MedianPruner.Median([3.0]));
        Assert.Equal(2.0, MedianPruner.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, MedianPruner.Median([4.0, 1.0, 2.0, 3.0]));
        Assert.Equal(0.39999999999999997, MedianPruner.Median([0.7, 0.1])); // numpy.percentile([0.1, 0.7], 50); 0.1 + 0.6 · 0.5 would be 0.4
    }

    [Theory]
    [InlineData(-1, 0, 1, "startupTrials")]
    [InlineData(0, -1, 1, "warmupSteps")]
    [InlineData(0, 0, 0, "intervalSteps")]
    public void Rejects_arguments_out_of_range(int startup, int warmup, int interval, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MedianPruner(startup, warmup, interval));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Has_no_brackets() => Assert.Null(new MedianPruner().AssignBracket("study", 3, 0));
}
