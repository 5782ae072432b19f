using System.Collections.Concurrent;
using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning;

/// <summary>The tuner's runner end to end on generated spaces: counts, determinism, parallelism, failures, cancellation, resume.</summary>
public sealed class TunerTests
{
    private static ValueTask<double> Bowl(MixedConfig config, TrialContext context, CancellationToken token) => new(config.Bowl());

    [Fact]
    public async Task A_study_runs_exactly_the_trials_asked_for_numbered_densely_and_knows_its_best()
    {
        var study = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 30, Sampler = SamplerKind.Random, Seed = 3 });

        Assert.Equal(30, study.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 30), study.Trials.Select(t => t.Number));
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(study.Trials, t => Assert.Equal(t.Config.Bowl(), t.Value));
        Assert.Equal(study.Trials.Min(t => t.Value), study.Best.Value);
        Assert.Equal("MixedConfig", study.Name);
        Assert.All(study.Trials, t => Assert.NotNull(t.CompletedAt));
    }

    [Fact]
    public async Task Trials_carry_their_parameters_and_inactive_conditional_dimensions_are_left_out()
    {
        var study = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 40, Sampler = SamplerKind.Random, Seed = 5 });

        foreach (var trial in study.Trials)
        {
            Assert.Equal(trial.Config.X, (double)trial.Parameters["X"]!);
            Assert.Equal(trial.Config.Count, (long)trial.Parameters["Count"]!);
            Assert.Equal(trial.Config.Kind, trial.Parameters["Kind"]);
            Assert.Equal(trial.Config.Kind == "b", trial.Parameters.ContainsKey("OnlyForB"));
            if (trial.Config.Kind != "b")
            {
                Assert.Equal(0.5, trial.Config.OnlyForB); // the template's value, untouched
            }
        }

        Assert.Contains(study.Trials, t => t.Config.Kind == "b");
    }

    [Fact]
    public async Task A_random_study_proposes_the_same_trials_whatever_the_degree_of_parallelism()
    {
        var one = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 24, Sampler = SamplerKind.Random, Seed = 11 });
        var four = await MixedConfig.Tune(Slow, new TuneOptions { Trials = 24, Sampler = SamplerKind.Random, Seed = 11, DegreeOfParallelism = 4 });
        var otherSeed = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 24, Sampler = SamplerKind.Random, Seed = 12 });

        Assert.Equal(one.Trials.Select(t => (t.Number, t.Value, t.Seed)), four.Trials.Select(t => (t.Number, t.Value, t.Seed)));
        Assert.NotEqual(one.Trials.Select(t => t.Value), otherSeed.Trials.Select(t => t.Value));

        static async ValueTask<double> Slow(MixedConfig config, TrialContext context, CancellationToken token)
        {
            await Task.Delay(context.Number % 3 * 5, token);
            return config.Bowl();
        }
    }

    [Fact]
    public async Task Parallel_trials_really_overlap()
    {
        int running = 0, most = 0;
        var study = await MixedConfig.Tune(
            async (config, context, token) =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(30, token);
                Interlocked.Decrement(ref running);
                return config.Bowl();
            },
            new TuneOptions { Trials = 12, Sampler = SamplerKind.Random, DegreeOfParallelism = 3 });

        Assert.Equal(12, study.Trials.Count);
        Assert.Equal(3, most);

        static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    [Fact]
    public async Task A_grid_study_runs_every_point_once_and_ends_when_the_grid_is_exhausted()
    {
        long count = SmallGridConfig.SearchSpace.CountGrid(3);
        var study = await SmallGridConfig.Tune(
            async (config, context, token) =>
            {
                await Task.Yield();
                return config.A + config.B + (config.Mode == "q" ? config.Q : 0);
            },
            new TuneOptions { Trials = 1000, Sampler = SamplerKind.Grid, GridPointsPerRange = 3, DegreeOfParallelism = 3 });

        Assert.Equal(count, study.Trials.Count);
        var points = study.Trials.Select(t => (t.Config.A, t.Config.B, t.Config.Mode, t.Config.Mode == "q" ? t.Config.Q : 0)).ToList();
        Assert.Equal(points.Count, points.Distinct().Count());
        var grid = SmallGridConfig.SearchSpace.Grid(3).Select(c => (c.A, c.B, c.Mode, c.Mode == "q" ? c.Q : 0)).ToHashSet();
        Assert.True(grid.SetEquals(points));
    }

    [Fact]
    public async Task A_failed_trial_is_recorded_with_its_message_and_does_not_count()
    {
        var study = await MixedConfig.Tune(
            (config, context, token) => context.Number % 4 == 1
                ? throw new InvalidDataException($"bad trial {context.Number}")
                : context.Number % 4 == 2 ? new ValueTask<double>(double.NaN) : new ValueTask<double>(config.Bowl()),
            new TuneOptions { Trials = 10, Sampler = SamplerKind.Random });

        Assert.Equal(10, study.Trials.Count(t => t.State == TrialState.Complete));
        var failed = study.Trials.Where(t => t.State == TrialState.Failed).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, t => Assert.Null(t.Value));
        Assert.Contains(failed, t => t.ErrorMessage == $"InvalidDataException: bad trial {t.Number}");
        Assert.Contains(failed, t => t.ErrorMessage == "The objective returned NaN.");
        Assert.Equal(Enumerable.Range(0, study.Trials.Count), study.Trials.Select(t => t.Number));
    }

    [Fact]
    public async Task Maximising_picks_the_highest_value()
    {
        var study = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 20, Sampler = SamplerKind.Random, Direction = Direction.Maximize });

        Assert.Equal(Direction.Maximize, study.Direction);
        Assert.Equal(study.Trials.Max(t => t.Value), study.Best.Value);
    }

    [Fact]
    public async Task Cancelling_marks_running_trials_interrupted_and_a_resumed_study_retries_their_points_and_completes()
    {
        using var storage = new InMemoryStudyStorage();
        var options = new TuneOptions { Trials = 12, Sampler = SamplerKind.Random, DegreeOfParallelism = 2, Seed = 4 };
        using var cancel = new CancellationTokenSource();
        int started = 0;
        var first = Tuner.Open(MixedConfig.SearchSpace.Definition, options, storage);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Tuner.RunAsync(
            first,
            async (config, context, token) =>
            {
                if (Interlocked.Increment(ref started) == 6)
                {
                    await cancel.CancelAsync();
                }

                await Task.Delay(context.Number >= 4 ? 5_000 : 1, token);
                return config.Bowl();
            },
            options,
            cancel.Token));

        var interrupted = first.Trials.Where(t => t.State == TrialState.Failed).ToList();
        Assert.NotEmpty(interrupted);
        Assert.All(interrupted, t => Assert.StartsWith("Interrupted", t.ErrorMessage, StringComparison.Ordinal));
        Assert.DoesNotContain(first.Trials, t => t.State == TrialState.Running);
        int finishedBefore = first.Trials.Count(t => t.State == TrialState.Complete);

        var resumed = await Tuner.RunAsync(Tuner.Open(MixedConfig.SearchSpace.Definition, options, storage), Bowl, options, CancellationToken.None);

        Assert.Equal(12, resumed.Trials.Count(t => t.State == TrialState.Complete));
        Assert.True(resumed.Trials.Count - interrupted.Count == 12, "no trial beyond those lacking");
        var records = storage.GetTrials(resumed.Engine.Study.Id);
        foreach (var failed in interrupted)
        {
            var retry = Assert.Single(records, r => r.RetryOf == failed.Number);
            Assert.Equal(failed.Config.Bowl(), retry.Value);
        }

        Assert.True(finishedBefore < 12);
    }

    [Fact]
    public async Task A_reopened_study_runs_only_the_trials_it_lacks()
    {
        using var storage = new InMemoryStudyStorage();
        var options = new TuneOptions { Trials = 8, Sampler = SamplerKind.Random, Seed = 9 };
        await Tuner.RunAsync(Tuner.Open(MixedConfig.SearchSpace.Definition, options, storage), Bowl, options, CancellationToken.None);
        var more = options with { Trials = 13 };
        var study = await Tuner.RunAsync(Tuner.Open(MixedConfig.SearchSpace.Definition, more, storage), Bowl, more, CancellationToken.None);
        var fresh = await MixedConfig.Tune(Bowl, more);

        Assert.Equal(13, study.Trials.Count);
        Assert.Equal(fresh.Trials.Select(t => t.Value), study.Trials.Select(t => t.Value)); // resumed = uninterrupted
    }

    [Fact]
    public async Task Trials_left_running_by_a_dead_process_are_failed_at_open_and_retried()
    {
        using var storage = new InMemoryStudyStorage();
        var options = new TuneOptions { Trials = 5, Sampler = SamplerKind.Random };
        var study = Tuner.Open(MixedConfig.SearchSpace.Definition, options, storage);
        var space = study.Engine.Space;
        // A trial claimed by a process of this machine that no longer exists (pid int.MaxValue).
        var orphan = storage.CreateTrial(study.Engine.Study.Id, $"{Environment.MachineName}/{int.MaxValue}/dead", (trials, number) =>
        {
            double[] unit = { 0.3, 0.4, 0.5, 0.5, double.NaN };
            return new TrialProposal(unit, ParameterText.FromUnit(space, unit), 1, null, null, null);
        })!;

        var resumed = await Tuner.RunAsync(Tuner.Open(MixedConfig.SearchSpace.Definition, options, storage), Bowl, options, CancellationToken.None);

        var records = storage.GetTrials(resumed.Engine.Study.Id);
        Assert.Equal(TrialState.Failed, records[orphan.Number].State);
        Assert.True(records[orphan.Number].Interrupted);
        var retry = Assert.Single(records, r => r.RetryOf == orphan.Number);
        Assert.Equal(orphan.Unit, retry.Unit);
        Assert.Equal(5, records.Count(r => r.IsFinished));
    }

    [Fact]
    public async Task Progress_is_reported_once_per_finished_trial_with_the_counts_and_the_best_so_far()
    {
        var reports = new ConcurrentQueue<TuneProgress>();
        var study = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 9, Sampler = SamplerKind.Random, Progress = new SyncProgress(reports.Enqueue) });

        Assert.Equal(9, reports.Count);
        var last = reports.Last();
        Assert.Equal(9, last.Complete);
        Assert.Equal(9, last.Finished);
        Assert.Equal(study.Best.Number, last.BestNumber);
        Assert.Equal(study.Best.Value, last.BestValue);
        Assert.Equal(study.Best.Parameters["X"], last.BestParameters!["X"]);
        Assert.Equal(0, last.Resumed);
    }

    [Fact]
    public void Ask_and_tell_drive_a_study_by_hand()
    {
        var study = Tuner.OpenStudy(MixedConfig.SearchSpace.Definition, new TuneOptions { Sampler = SamplerKind.Random, Seed = 1 });

        var first = study.Ask();
        var second = study.Ask();
        Assert.Equal(TrialState.Running, first.State);
        study.Tell(first, first.Config.Bowl());
        Assert.False(study.Report(second, 1, 3.5));
        study.Prune(second);
        var third = study.Ask();
        study.Fail(third, "out of memory");
        var fourth = study.Ask();
        study.Tell(fourth, double.PositiveInfinity);

        var trials = study.Trials;
        Assert.Equal(new[] { TrialState.Complete, TrialState.Pruned, TrialState.Failed, TrialState.Failed }, trials.Select(t => t.State));
        Assert.Equal(3.5, trials[1].Value);
        Assert.Equal(new Dictionary<int, double> { [1] = 3.5 }, trials[1].IntermediateValues);
        Assert.Equal("out of memory", trials[2].ErrorMessage);
        Assert.Same(trials[0], study.Best);
        Assert.Throws<InvalidOperationException>(() => study.Tell(first, 1.0));
    }

    [Fact]
    public void Best_of_a_study_without_a_complete_trial_says_so()
    {
        var study = Tuner.OpenStudy(MixedConfig.SearchSpace.Definition, new TuneOptions { Sampler = SamplerKind.Random });

        var error = Assert.Throws<InvalidOperationException>(() => study.Best);
        Assert.Contains("No trial of study 'MixedConfig' is complete", error.Message, StringComparison.Ordinal);
        Assert.False(study.TryGetBest(out _));
    }

    [Fact]
    public async Task The_built_in_objective_trains_each_trial_and_scores_its_best_finite_validation_loss()
    {
        var rows = Enumerable.Range(0, 80).Select(i => new[] { (float)(i % 8) / 8, (float)(i / 8 % 2), (float)Math.Sin(i) }).ToArray();
        var labels = rows.Select(r => r[0] + r[1] > 0.9 ? 1 : 0).ToArray();
        var data = Dataset.Classification(rows, labels);
        var (train, validation) = data.Split(0.75, seed: 1);

        var study = await TinyNetConfig.Tune(train, validation, new TuneOptions { Trials = 4, Sampler = SamplerKind.Random, Seed = 2 });

        Assert.Equal(4, study.Trials.Count(t => t.State == TrialState.Complete));
        foreach (var trial in study.Trials)
        {
            var replay = trial.Config.Train(train, validation, TrainOptions.Default with { Seed = trial.Seed });
            Assert.Equal(replay.History.Count, trial.IntermediateValues.Count);
            Assert.Equal(replay.History.Select(r => r.ValidationLoss!.Value), trial.IntermediateValues.Values);
            Assert.Equal(Enumerable.Range(1, replay.History.Count), trial.IntermediateValues.Keys);
            Assert.Equal(replay.History.Min(r => r.ValidationLoss!.Value), trial.Value);
        }
    }

    [Fact]
    public async Task The_built_in_objective_refuses_to_maximise()
    {
        var data = Dataset.Classification(new[] { new[] { 0f }, new[] { 1f } }, new[] { 0, 1 });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => TinyNetConfig.Tune(data, data, new TuneOptions { Direction = Direction.Maximize }));
        Assert.Contains("Direction.Minimize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pruned_trial_is_recorded_with_its_last_value_counts_and_stops_the_generated_loop()
    {
        var rows = Enumerable.Range(0, 80).Select(i => new[] { (float)(i % 8) / 8, (float)(i / 8 % 2), (float)Math.Sin(i) }).ToArray();
        var data = Dataset.Classification(rows, rows.Select(r => r[0] + r[1] > 0.9 ? 1 : 0).ToArray());
        var (train, validation) = data.Split(0.75, seed: 1);

        var study = await TinyNetConfig.Tune(train, validation, new TuneOptions { Trials = 12, Sampler = SamplerKind.Random, Pruner = PrunerKind.SuccessiveHalving, Seed = 3 });

        Assert.Equal(12, study.Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned));
        var pruned = study.Trials.Where(t => t.State == TrialState.Pruned).ToList();
        Assert.NotEmpty(pruned);
        foreach (var trial in pruned)
        {
            Assert.InRange(trial.IntermediateValues.Count, 1, 5); // cut before the 6 epochs
            Assert.Equal(trial.IntermediateValues[trial.IntermediateValues.Keys.Max()], trial.Value);
        }

        Assert.All(study.Trials.Where(t => t.State == TrialState.Complete), t => Assert.Equal(6, t.IntermediateValues.Count));
    }

    [Fact]
    public async Task Hyperband_without_a_maximum_resource_says_what_to_set()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => MixedConfig.Tune(Bowl, new TuneOptions { Pruner = PrunerKind.Hyperband, Sampler = SamplerKind.Random }));
        Assert.Contains("TuneOptions.MaxResource", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SamplerKind.Tpe)]
    [InlineData(SamplerKind.GaussianProcess)]
    public async Task Model_based_studies_beat_random_search_on_the_bowl_and_parallel_trials_never_share_a_point(SamplerKind sampler)
    {
        double modelled = 0, random = 0;
        for (int seed = 0; seed < 3; seed++)
        {
            var study = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 30, Sampler = sampler, Seed = seed, DegreeOfParallelism = 2 });
            var baseline = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 30, Sampler = SamplerKind.Random, Seed = seed });
            Assert.Equal(30, study.Trials.Count(t => t.State == TrialState.Complete));
            var points = study.Trials.Select(t => string.Join(",", t.Parameters.OrderBy(p => p.Key).Select(p => p.Value))).ToList();
            Assert.Equal(points.Count, points.Distinct().Count());
            modelled += study.Best.Value!.Value;
            random += baseline.Best.Value!.Value;
        }

        Assert.True(modelled < random, $"{sampler}: summed best {modelled:0.000} against random {random:0.000}");
    }

    [Fact]
    public async Task The_default_sampler_is_TPE_and_is_deterministic_at_degree_one()
    {
        var first = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 20, Seed = 8 });
        var second = await MixedConfig.Tune(Bowl, new TuneOptions { Trials = 20, Seed = 8 });

        Assert.Equal(first.Trials.Select(t => t.Value), second.Trials.Select(t => t.Value));
    }

    private sealed class SyncProgress(Action<TuneProgress> report) : IProgress<TuneProgress>
    {
        public void Report(TuneProgress value) => report(value);
    }
}
