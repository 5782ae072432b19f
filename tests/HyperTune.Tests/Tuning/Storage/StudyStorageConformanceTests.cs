using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Storage;

/// <summary>
/// What every <see cref="IStudyStorage"/> must do, run once per storage by a subclass (SQLite here; the
/// in-memory and server storages add theirs). <see cref="CreateStorage"/> is <c>private protected</c>
/// because the storage interface is internal; subclasses live in this assembly.
/// </summary>
public abstract class StudyStorageConformanceTests
{
    /// <summary>A new, empty storage; the test disposes it.</summary>
    private protected abstract IStudyStorage CreateStorage();

    internal static StoredSpace Space(string fingerprint = "fp-1") => new(fingerprint, new[]
    {
        new StoredDimension("LearningRate", "System.Double", DimensionKind.Continuous, 1e-5, 1e-1, Scale.Log, Array.Empty<string>(), null, Array.Empty<string>()),
        new StoredDimension("Optimizer", "HyperTune.Optimizer", DimensionKind.Categorical, double.NaN, double.NaN, Scale.Linear, new[] { "Sgd", "Adam" }, null, Array.Empty<string>()),
        new StoredDimension("Momentum", "System.Double", DimensionKind.Continuous, 0, 0.99, Scale.Linear, Array.Empty<string>(), "Optimizer", new[] { "Sgd" }),
    });

    internal static TrialProposal Proposal(int number, double[]? unit = null, int? grid = null, int? bracket = null, int? retryOf = null) => new(
        unit ?? new[] { (number % 10) / 10.0 + 0.05, 0.25, double.NaN },
        new Dictionary<string, string> { ["LearningRate"] = (0.001 * (number + 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture), ["Optimizer"] = "Adam" },
        1000 + number,
        grid,
        bracket,
        retryOf);

    private static TrialRecord Create(IStudyStorage storage, long study, string worker = "w1") =>
        storage.CreateTrial(study, worker, (_, number) => Proposal(number)) ?? throw new InvalidOperationException("declined");

    [Fact]
    public void OpenStudy_creates_a_study_then_reopens_it_with_its_stored_direction_and_space()
    {
        using var storage = CreateStorage();
        var created = storage.OpenStudy("study", Direction.Maximize, Space("fp-1"), startFresh: false);
        Assert.Equal("study", created.Name);
        Assert.Equal(Direction.Maximize, created.Direction);

        var reopened = storage.OpenStudy("study", Direction.Minimize, Space("fp-2"), startFresh: false);
        Assert.Equal(created.Id, reopened.Id);
        Assert.Equal(Direction.Maximize, reopened.Direction);
        Assert.Equal(Space("fp-1").ToJson(), reopened.Space.ToJson());
    }

    [Fact]
    public void OpenStudy_with_startFresh_deletes_the_study_and_its_trials()
    {
        using var storage = CreateStorage();
        var old = storage.OpenStudy("study", Direction.Minimize, Space("fp-1"), startFresh: false);
        Create(storage, old.Id);
        storage.ReportIntermediate(old.Id, 0, 1, 0.5);
        var other = storage.OpenStudy("other", Direction.Minimize, Space(), startFresh: false);
        Create(storage, other.Id);

        var fresh = storage.OpenStudy("study", Direction.Maximize, Space("fp-2"), startFresh: true);
        Assert.Equal(Direction.Maximize, fresh.Direction);
        Assert.Equal("fp-2", fresh.Space.Fingerprint);
        Assert.Empty(storage.GetTrials(fresh.Id));
        Assert.Equal(0, Create(storage, fresh.Id).Number);
        Assert.Single(storage.GetTrials(other.Id));
        Assert.Equal(new[] { "other", "study" }, storage.ListStudies().Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void OpenStudy_with_startFresh_creates_a_study_that_did_not_exist()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("new", Direction.Minimize, Space(), startFresh: true);
        Assert.Equal("new", Assert.Single(storage.ListStudies()).Name);
        Assert.Empty(storage.GetTrials(study.Id));
    }

    [Fact]
    public void ListStudies_lists_every_study_with_its_direction_and_space()
    {
        using var storage = CreateStorage();
        Assert.Empty(storage.ListStudies());
        storage.OpenStudy("réseau ☃ 学习", Direction.Maximize, Space("fp-u"), startFresh: false);
        storage.OpenStudy("plain", Direction.Minimize, Space("fp-p"), startFresh: false);

        var studies = storage.ListStudies().OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, studies.Length);
        Assert.Equal("plain", studies[0].Name);
        Assert.Equal(Direction.Minimize, studies[0].Direction);
        Assert.Equal("réseau ☃ 学习", studies[1].Name);
        Assert.Equal(Direction.Maximize, studies[1].Direction);
        Assert.Equal(Space("fp-u").ToJson(), studies[1].Space.ToJson());
        Assert.NotEqual(studies[0].Id, studies[1].Id);
    }

    [Fact]
    public void CreateTrial_numbers_trials_densely_and_propose_sees_every_earlier_trial_running_ones_included()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        for (int expected = 0; expected < 5; expected++)
        {
            var record = storage.CreateTrial(study.Id, "w1", (trials, number) =>
            {
                Assert.Equal(expected, number);
                Assert.Equal(expected, trials.Count);
                Assert.Equal(Enumerable.Range(0, expected), trials.Select(t => t.Number));
                Assert.All(trials.Take(expected - 1), t => Assert.Equal(TrialState.Complete, t.State));
                if (expected > 0)
                {
                    Assert.Equal(TrialState.Running, trials[expected - 1].State);
                }

                return Proposal(number);
            });
            Assert.NotNull(record);
            Assert.Equal(expected, record!.Number);
            Assert.Equal(TrialState.Running, record.State);

            // Leave the newest running while the next is proposed; finish the one before it.
            if (expected > 0)
            {
                Assert.True(storage.FinishTrial(study.Id, expected - 1, TrialState.Complete, expected, null, false));
            }
        }
    }

    [Fact]
    public void CreateTrial_stores_nothing_when_propose_declines_or_throws()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id);
        Assert.Null(storage.CreateTrial(study.Id, "w1", (_, _) => null));
        Assert.Throws<InvalidOperationException>(() => storage.CreateTrial(study.Id, "w1", (_, _) => throw new InvalidOperationException("boom")));
        Assert.Single(storage.GetTrials(study.Id));
        Assert.Equal(1, Create(storage, study.Id).Number);
    }

    [Fact]
    public void CreateTrial_from_several_threads_hands_out_each_number_once_and_each_proposal_sees_all_earlier_trials()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        const int threads = 6, perThread = 20;
        var numbers = new ConcurrentBag<int>();
        var problems = new ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                Work(t);
            }
            catch (Exception exception)
            {
                problems.Enqueue($"worker-{t} threw {exception}");
            }
        })).ToArray();

        void Work(int t)
        {
            for (int i = 0; i < perThread; i++)
            {
                var record = storage.CreateTrial(study.Id, $"worker-{t}", (trials, number) =>
                {
                    if (trials.Count != number || trials.Where((trial, index) => trial.Number != index).Any())
                    {
                        problems.Enqueue($"trial {number} was proposed from {trials.Count} trials");
                    }

                    return Proposal(number);
                })!;
                numbers.Add(record.Number);
                if (i % 2 == 0)
                {
                    storage.FinishTrial(study.Id, record.Number, TrialState.Complete, record.Number, null, false);
                }

                storage.GetTrials(study.Id);
            }
        }

        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.Empty(problems);
        Assert.Equal(Enumerable.Range(0, threads * perThread), numbers.OrderBy(n => n));
        var stored = storage.GetTrials(study.Id);
        Assert.Equal(Enumerable.Range(0, threads * perThread), stored.Select(t => t.Number));
        Assert.Equal(threads * perThread / 2, stored.Count(t => t.State == TrialState.Complete));
        Assert.All(stored.Where(t => t.State == TrialState.Complete), t => Assert.Equal(t.Number, t.Value));
    }

    [Fact]
    public void Every_field_round_trips_including_NaN_coordinates_and_unicode_text()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("étude", Direction.Minimize, Space(), startFresh: false);
        double[] unit = { 0.123456789012345678, double.NaN, -0.0, 1.0, double.Epsilon };
        var parameters = new Dictionary<string, string> { ["LearningRate"] = "0.00123", ["Nom ☃"] = "valeur \"citée\" 学习", ["Optimizer"] = "null" };
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var created = storage.CreateTrial(study.Id, "hôte:4242 ☃", (_, number) => new TrialProposal(unit, parameters, -123456789, 17, 2, 5))!;
        var afterCreate = DateTimeOffset.UtcNow.AddMilliseconds(1);
        storage.ReportIntermediate(study.Id, 0, 3, 0.25);
        storage.ReportIntermediate(study.Id, 0, 1, double.PositiveInfinity);
        storage.ReportIntermediate(study.Id, 0, 2, double.NaN);
        storage.ReportIntermediate(study.Id, 0, 0, -1e-300);
        Assert.True(storage.FinishTrial(study.Id, 0, TrialState.Pruned, 0.25, "pruned at step 3 ☃", false));
        var afterFinish = DateTimeOffset.UtcNow.AddMilliseconds(1);

        AssertRecord(storage.GetTrials(study.Id)[0]);
        Assert.Equal(created.StartedAt, storage.GetTrials(study.Id)[0].StartedAt);
        Assert.InRange(created.StartedAt, before, afterCreate);

        void AssertRecord(TrialRecord record)
        {
            Assert.Equal(0, record.Number);
            Assert.Equal(TrialState.Pruned, record.State);
            Assert.True(record.IsFinished);
            Assert.Equal(unit.Select(BitConverter.DoubleToInt64Bits), record.Unit.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(parameters.OrderBy(p => p.Key, StringComparer.Ordinal), record.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(0.25, record.Value);
            Assert.Equal(new[] { 0, 1, 2, 3 }, record.IntermediateValues.Keys);
            Assert.Equal(-1e-300, record.IntermediateValues[0]);
            Assert.Equal(double.PositiveInfinity, record.IntermediateValues[1]);
            Assert.True(double.IsNaN(record.IntermediateValues[2]));
            Assert.Equal(0.25, record.IntermediateValues[3]);
            Assert.InRange(record.StartedAt, before, afterCreate);
            Assert.NotNull(record.CompletedAt);
            Assert.InRange(record.CompletedAt!.Value, record.StartedAt, afterFinish);
            Assert.Equal(-123456789, record.Seed);
            Assert.Equal("pruned at step 3 ☃", record.ErrorMessage);
            Assert.Equal(17, record.GridIndex);
            Assert.Equal(2, record.Bracket);
            Assert.Equal(5, record.RetryOf);
            Assert.False(record.Interrupted);
            Assert.Equal("hôte:4242 ☃", record.Worker);
        }
    }

    [Fact]
    public void The_record_CreateTrial_returns_equals_the_one_read_back()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        var created = storage.CreateTrial(study.Id, "w1", (_, number) => Proposal(number, grid: 3))!;
        var read = storage.GetTrials(study.Id)[0];
        Assert.Equal(created.Number, read.Number);
        Assert.Equal(created.State, read.State);
        Assert.Equal(created.Unit.Select(BitConverter.DoubleToInt64Bits), read.Unit.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(created.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal), read.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Null(read.Value);
        Assert.Empty(read.IntermediateValues);
        Assert.Equal(created.StartedAt, read.StartedAt);
        Assert.Null(read.CompletedAt);
        Assert.Equal(created.Seed, read.Seed);
        Assert.Equal(3, read.GridIndex);
        Assert.Null(read.Bracket);
        Assert.Null(read.RetryOf);
        Assert.Null(read.ErrorMessage);
        Assert.Equal("w1", read.Worker);
    }

    [Fact]
    public void A_complete_trial_with_a_NaN_value_and_a_failed_trial_with_a_message_round_trip()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id);
        Create(storage, study.Id);
        Assert.True(storage.FinishTrial(study.Id, 0, TrialState.Complete, double.NaN, null, false));
        Assert.True(storage.FinishTrial(study.Id, 1, TrialState.Failed, null, "The objective threw: ☃", true));
        var trials = storage.GetTrials(study.Id);
        Assert.True(double.IsNaN(trials[0].Value!.Value));
        Assert.Equal(TrialState.Failed, trials[1].State);
        Assert.Null(trials[1].Value);
        Assert.Equal("The objective threw: ☃", trials[1].ErrorMessage);
        Assert.True(trials[1].Interrupted);
        Assert.False(trials[1].IsFinished);
    }

    [Fact]
    public void FinishTrial_changes_only_a_running_trial_and_is_idempotent()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id);
        Assert.True(storage.FinishTrial(study.Id, 0, TrialState.Complete, 1.5, null, false));
        var finished = storage.GetTrials(study.Id)[0];

        Assert.False(storage.FinishTrial(study.Id, 0, TrialState.Complete, 2.5, null, false));
        Assert.False(storage.FinishTrial(study.Id, 0, TrialState.Failed, null, "late", true));
        Assert.False(storage.FinishTrial(study.Id, 0, TrialState.Pruned, 0.1, null, false));
        var after = storage.GetTrials(study.Id)[0];
        Assert.Equal(TrialState.Complete, after.State);
        Assert.Equal(1.5, after.Value);
        Assert.Equal(finished.CompletedAt, after.CompletedAt);
        Assert.Null(after.ErrorMessage);
    }

    [Fact]
    public void ReportIntermediate_replaces_a_step_keeps_steps_in_order_and_ignores_a_trial_no_longer_running()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id);
        storage.ReportIntermediate(study.Id, 0, 5, 0.9);
        storage.ReportIntermediate(study.Id, 0, 1, 0.7);
        storage.ReportIntermediate(study.Id, 0, 5, 0.3);
        var running = storage.GetTrials(study.Id)[0];
        Assert.Equal(new[] { 1, 5 }, running.IntermediateValues.Keys);
        Assert.Equal(0.3, running.IntermediateValues[5]);
        Assert.Equal(0.7, running.IntermediateValues[1]);

        Assert.True(storage.FinishTrial(study.Id, 0, TrialState.Pruned, 0.3, null, false));
        storage.ReportIntermediate(study.Id, 0, 7, 0.1);
        storage.ReportIntermediate(study.Id, 0, 5, 0.2);
        var finished = storage.GetTrials(study.Id)[0];
        Assert.Equal(new[] { 1, 5 }, finished.IntermediateValues.Keys);
        Assert.Equal(0.3, finished.IntermediateValues[5]);
    }

    [Fact]
    public void A_list_handed_out_never_changes_afterwards()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id);
        var before = storage.GetTrials(study.Id);
        storage.ReportIntermediate(study.Id, 0, 1, 0.5);
        storage.FinishTrial(study.Id, 0, TrialState.Complete, 0.5, null, false);
        Create(storage, study.Id);

        Assert.Single(before);
        Assert.Equal(TrialState.Running, before[0].State);
        Assert.Empty(before[0].IntermediateValues);
        var after = storage.GetTrials(study.Id);
        Assert.Equal(2, after.Count);
        Assert.Equal(TrialState.Complete, after[0].State);
        Assert.Equal(0.5, after[0].IntermediateValues[1]);
    }

    [Fact]
    public void Studies_are_separate()
    {
        using var storage = CreateStorage();
        var a = storage.OpenStudy("a", Direction.Minimize, Space(), startFresh: false);
        var b = storage.OpenStudy("b", Direction.Minimize, Space(), startFresh: false);
        Create(storage, a.Id);
        Create(storage, a.Id);
        Assert.Equal(0, Create(storage, b.Id).Number);
        storage.FinishTrial(b.Id, 0, TrialState.Complete, 9, null, false);
        Assert.Equal(2, storage.GetTrials(a.Id).Count);
        Assert.All(storage.GetTrials(a.Id), t => Assert.Equal(TrialState.Running, t.State));
        Assert.Equal(TrialState.Complete, Assert.Single(storage.GetTrials(b.Id)).State);
    }

    [Fact]
    public void FailStaleTrials_fails_the_running_trials_of_dead_workers_as_interrupted()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id, "dead");
        Create(storage, study.Id, "alive");
        Create(storage, study.Id, "dead");
        Create(storage, study.Id, "dead");
        storage.FinishTrial(study.Id, 2, TrialState.Complete, 0.5, null, false);

        var failed = storage.FailStaleTrials(study.Id, TimeSpan.FromHours(1), worker => worker == "dead");
        Assert.Equal(new[] { 0, 3 }, failed.OrderBy(n => n));
        var trials = storage.GetTrials(study.Id);
        foreach (int number in new[] { 0, 3 })
        {
            Assert.Equal(TrialState.Failed, trials[number].State);
            Assert.True(trials[number].Interrupted);
            Assert.Null(trials[number].Value);
            Assert.NotNull(trials[number].CompletedAt);
            Assert.False(string.IsNullOrEmpty(trials[number].ErrorMessage));
        }

        Assert.Equal(TrialState.Running, trials[1].State);
        Assert.Equal(TrialState.Complete, trials[2].State);

        // The dead worker's late finish does not count; failing again finds nothing.
        Assert.False(storage.FinishTrial(study.Id, 0, TrialState.Complete, 0.1, null, false));
        Assert.Equal(TrialState.Failed, storage.GetTrials(study.Id)[0].State);
        Assert.Empty(storage.FailStaleTrials(study.Id, TimeSpan.FromHours(1), worker => worker == "dead"));
    }

    [Fact]
    public void FailStaleTrials_fails_trials_without_a_heartbeat_for_the_timeout_and_a_heartbeat_keeps_them_alive()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space(), startFresh: false);
        Create(storage, study.Id, "quiet");
        Create(storage, study.Id, "beating");
        Thread.Sleep(1200);
        storage.Heartbeat(study.Id, "beating");
        Create(storage, study.Id, "fresh");

        var failed = storage.FailStaleTrials(study.Id, TimeSpan.FromMilliseconds(800), _ => false);
        Assert.Equal(new[] { 0 }, failed);
        var trials = storage.GetTrials(study.Id);
        Assert.Equal(TrialState.Failed, trials[0].State);
        Assert.True(trials[0].Interrupted);
        Assert.Equal(TrialState.Running, trials[1].State);
        Assert.Equal(TrialState.Running, trials[2].State);
        Assert.Empty(storage.FailStaleTrials(study.Id, TimeSpan.FromHours(1), _ => false));
    }

    [Fact]
    public void MigrateSpace_replaces_the_space_and_the_points_and_keeps_everything_else()
    {
        using var storage = CreateStorage();
        var study = storage.OpenStudy("study", Direction.Minimize, Space("fp-1"), startFresh: false);
        Create(storage, study.Id);
        Create(storage, study.Id);
        storage.ReportIntermediate(study.Id, 0, 1, 0.5);
        storage.FinishTrial(study.Id, 0, TrialState.Complete, 0.5, null, false);
        var before = storage.GetTrials(study.Id);

        var units = new Dictionary<int, double[]> { [0] = new[] { 0.1, 0.2, double.NaN, 0.4 }, [1] = new[] { 0.9, 0.8, 0.7, 0.6 } };
        storage.MigrateSpace(study.Id, Space("fp-2"), units);

        Assert.Equal("fp-2", storage.OpenStudy("study", Direction.Minimize, Space("fp-3"), startFresh: false).Space.Fingerprint);
        Assert.Equal("fp-2", storage.ListStudies().Single().Space.Fingerprint);
        var after = storage.GetTrials(study.Id);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(units[i].Select(BitConverter.DoubleToInt64Bits), after[i].Unit.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(before[i].State, after[i].State);
            Assert.Equal(before[i].Value, after[i].Value);
            Assert.Equal(before[i].Parameters.OrderBy(p => p.Key, StringComparer.Ordinal), after[i].Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(before[i].IntermediateValues, after[i].IntermediateValues);
            Assert.Equal(before[i].StartedAt, after[i].StartedAt);
            Assert.Equal(before[i].Seed, after[i].Seed);
        }
    }
}
