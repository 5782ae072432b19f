using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning;

/// <summary>
/// A study on SQLite whose process is killed (SIGKILL) in the middle of a trial, then run again: no
/// finished trial is lost, no number repeats, the interrupted trial's point is retried, and the study
/// ends with exactly the trials it asked for.
/// </summary>
public sealed class ResumeAfterKillTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypertune-kill-").FullName;

    [Fact]
    public async Task A_study_killed_mid_trial_resumes_and_completes_losing_nothing()
    {
        string store = Path.Combine(_folder, "study.db");
        IReadOnlyList<int> finishedBeforeKill;
        using (var doomed = new WorkerProcess(store, "resume", 30, "Random", 4, 150))
        {
            for (int i = 0; i < 600 && doomed.Finished.Count < 6; i++)
            {
                await Task.Delay(50);
            }

            Assert.True(doomed.Finished.Count >= 6, string.Join("\n", doomed.Lines));
            doomed.Kill();
            finishedBeforeKill = doomed.Finished;
        }

        using (var storage = new SqliteStudyStorage(store))
        {
            var trials = storage.GetTrials(storage.ListStudies().Single().Id);
            Assert.All(finishedBeforeKill, n => Assert.Equal(TrialState.Complete, trials[n].State));
            Assert.Contains(trials, t => t.State == TrialState.Running); // killed mid-trial
        }

        using (var survivor = new WorkerProcess(store, "resume", 30, "Random", 4, 5))
        {
            Assert.Equal(0, await survivor.WaitAsync(TimeSpan.FromMinutes(3)));
            Assert.Contains("done 30", survivor.Lines);
        }

        using (var storage = new SqliteStudyStorage(store))
        {
            var trials = storage.GetTrials(storage.ListStudies().Single().Id);
            Assert.Equal(30, trials.Count(t => t.IsFinished));
            Assert.Equal(Enumerable.Range(0, trials.Count), trials.Select(t => t.Number));
            Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
            var interrupted = Assert.Single(trials, t => t.State == TrialState.Failed);
            Assert.True(interrupted.Interrupted);
            var retry = Assert.Single(trials, t => t.RetryOf == interrupted.Number);
            Assert.Equal(interrupted.Unit, retry.Unit);
            Assert.Equal(TrialState.Complete, retry.State);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
