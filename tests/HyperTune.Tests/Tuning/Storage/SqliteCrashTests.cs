using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using HyperTune.Tuning;
using Microsoft.Data.Sqlite;

namespace HyperTune.Tests.Tuning.Storage;

/// <summary>
/// The child side of the crash test: opens the store, then creates, reports and finishes trials in a loop
/// until it is killed, printing "finished N" only after the commit that finished trial N returned.
/// </summary>
internal static class SqliteCrashWorker
{
    public const string Verb = "sqlite-crash-worker";

    public static int Run(string[] args)
    {
        string path = args[1], studyName = args[2], worker = args[3];
        using var storage = new SqliteStudyStorage(path);
        var study = storage.OpenStudy(studyName, Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: false);
        var output = Console.Out;
        output.WriteLine("ready");
        output.Flush();
        while (true)
        {
            var trial = storage.CreateTrial(study.Id, worker, (_, number) => StudyStorageConformanceTests.Proposal(number))!;
            output.WriteLine($"started {trial.Number}");
            output.Flush();
            storage.ReportIntermediate(study.Id, trial.Number, 1, trial.Number + 0.5);
            if (storage.FinishTrial(study.Id, trial.Number, TrialState.Complete, trial.Number, null, false))
            {
                output.WriteLine($"finished {trial.Number}");
                output.Flush();
            }
        }
    }
}

/// <summary>
/// Kills worker processes with SIGKILL at a random moment while they create and finish trials, then
/// reopens the store: every trial a worker reported finished is there and finished, no number repeats,
/// and the trials left running are failed as stale.
/// </summary>
public sealed class SqliteCrashTests(Xunit.Abstractions.ITestOutputHelper output) : SqliteScratch
{
    [Fact]
    public void Killed_workers_lose_no_finished_trial_and_never_repeat_a_number()
    {
        string path = NewPath();
        int seed = Environment.TickCount;
        var random = new Random(seed);
        var reportedFinished = new Dictionary<int, string>();
        var allWorkers = new List<string>();
        const int rounds = 3, workersPerRound = 2;
        for (int round = 0; round < rounds; round++)
        {
            var children = Enumerable.Range(0, workersPerRound).Select(i => Child.Start(path, $"round{round}-child{i}")).ToArray();
            try
            {
                foreach (var child in children)
                {
                    Assert.True(child.Ready.Wait(TimeSpan.FromSeconds(60)), $"child {child.Worker} did not start: {child.Errors}");
                }

                // Kill each at its own random moment: after a random number of finished trials, plus a random few milliseconds.
                foreach (var child in children.OrderBy(_ => random.Next()))
                {
                    int target = random.Next(1, 40);
                    var deadline = DateTime.UtcNow.AddSeconds(30);
                    while (child.FinishedCount < target && DateTime.UtcNow < deadline && !child.Process.HasExited)
                    {
                        Thread.Sleep(1);
                    }

                    Thread.Sleep(random.Next(0, 5));
                    child.Process.Kill();
                }
            }
            finally
            {
                foreach (var child in children)
                {
                    if (!child.Process.HasExited)
                    {
                        child.Process.Kill();
                    }

                    child.Process.WaitForExit();
                }
            }

            foreach (var child in children)
            {
                Assert.True(child.FinishedCount > 0, $"child {child.Worker} finished no trial (seed {seed}): {child.Errors}");
                foreach (int number in child.Finished)
                {
                    Assert.True(reportedFinished.TryAdd(number, child.Worker), $"trial {number} was reported finished by {reportedFinished.GetValueOrDefault(number)} and {child.Worker} (seed {seed})");
                }

                allWorkers.Add(child.Worker);
                child.Process.Dispose();
            }

            var killed = new HashSet<string>(children.Select(c => c.Worker), StringComparer.Ordinal);
            using var storage = new SqliteStudyStorage(path);
            var study = storage.OpenStudy("crash", Direction.Minimize, StudyStorageConformanceTests.Space(), startFresh: false);
            var trials = storage.GetTrials(study.Id);
            Assert.Equal(Enumerable.Range(0, trials.Count), trials.Select(t => t.Number));
            foreach (var (number, worker) in reportedFinished)
            {
                Assert.True(number < trials.Count, $"trial {number}, reported finished by {worker}, is missing: the store has {trials.Count} trials (seed {seed})");
                Assert.Equal(TrialState.Complete, trials[number].State);
                Assert.Equal(number, trials[number].Value);
                Assert.Equal(worker, trials[number].Worker);
                Assert.Equal(number + 0.5, trials[number].IntermediateValues[1]);
            }

            var running = trials.Where(t => t.State == TrialState.Running).Select(t => t.Number).ToArray();
            Assert.All(trials.Where(t => t.State == TrialState.Running), t => Assert.Contains(t.Worker!, killed));
            Assert.True(running.Length <= workersPerRound, $"{running.Length} trials were left running by {workersPerRound} workers (seed {seed})");
            var failed = storage.FailStaleTrials(study.Id, TimeSpan.FromHours(1), killed.Contains);
            output.WriteLine($"round {round} (seed {seed}): finished {string.Join(", ", children.Select(c => $"{c.Worker} {c.FinishedCount}"))}; {trials.Count} trials stored; left running and failed as stale: [{string.Join(", ", failed)}]");
            Assert.Equal(running, failed.OrderBy(n => n));
            Assert.DoesNotContain(storage.GetTrials(study.Id), t => t.State == TrialState.Running);

            using var check = new SqliteConnection($"Data Source={path};Pooling=False");
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", command.ExecuteScalar());
        }
    }

    private sealed class Child
    {
        private readonly ConcurrentQueue<int> _finished = new();
        private readonly ConcurrentQueue<string> _errors = new();
        private int _finishedCount;

        private Child(Process process, string worker)
        {
            Process = process;
            Worker = worker;
        }

        public Process Process { get; }

        public string Worker { get; }

        public ManualResetEventSlim Ready { get; } = new();

        public int FinishedCount => Volatile.Read(ref _finishedCount);

        public IEnumerable<int> Finished => _finished;

        public string Errors => string.Join('\n', _errors);

        public static Child Start(string path, string worker)
        {
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet && File.Exists(dotnet) ? dotnet : "dotnet";
            var info = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(typeof(SqliteCrashWorker).Assembly.Location);
            info.ArgumentList.Add(SqliteCrashWorker.Verb);
            info.ArgumentList.Add(path);
            info.ArgumentList.Add("crash");
            info.ArgumentList.Add(worker);
            var process = new Process { StartInfo = info };
            var child = new Child(process, worker);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                if (e.Data == "ready")
                {
                    child.Ready.Set();
                }
                else if (e.Data.StartsWith("finished ", StringComparison.Ordinal))
                {
                    child._finished.Enqueue(int.Parse(e.Data.AsSpan(9), CultureInfo.InvariantCulture));
                    Interlocked.Increment(ref child._finishedCount);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    child._errors.Enqueue(e.Data);
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return child;
        }
    }
}
