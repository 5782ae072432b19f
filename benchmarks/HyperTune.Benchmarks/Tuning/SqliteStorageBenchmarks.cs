using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HyperTune.Tuning;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>Shared pieces of the storage benchmarks: a scratch file, a space, a cheap proposal.</summary>
internal static class StorageBenchmarkData
{
    public static readonly StoredSpace Space = new("bench", new[]
    {
        new StoredDimension("X", "System.Double", DimensionKind.Continuous, -5, 10, Scale.Linear, Array.Empty<string>(), null, Array.Empty<string>()),
        new StoredDimension("Y", "System.Double", DimensionKind.Continuous, 0, 15, Scale.Linear, Array.Empty<string>(), null, Array.Empty<string>()),
    });

    public static string NewFile() => Path.Combine(Path.GetTempPath(), "hypertune-bench-" + Guid.NewGuid().ToString("N") + ".db");

    public static void Delete(string path)
    {
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    public static TrialProposal Propose(IReadOnlyList<TrialRecord> trials, int number) => new(
        new[] { (number * 0.618) % 1, (number * 0.382) % 1 },
        new Dictionary<string, string> { ["X"] = (number * 0.1).ToString("R", System.Globalization.CultureInfo.InvariantCulture), ["Y"] = "1.5" },
        number,
        null,
        null,
        null);
}

/// <summary>
/// The storage's cost per trial: one operation is a whole study of <see cref="Trials"/> trials on a new
/// file, each trial as the runner drives it (create under BEGIN IMMEDIATE with the sampler reading every
/// trial, <see cref="Reports"/> intermediate values, a heartbeat, finish, and a read of the study for
/// progress), by <see cref="Workers"/> threads of this process sharing one storage. Divide the mean by
/// Trials for the overhead per trial. <see cref="MaxConnections"/> 1 is one connection behind a lock;
/// 8 is the default pool.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WholeStudyConfig))]
public class SqliteStudyBenchmark
{
    private string _path = "";
    private SqliteStudyStorage? _storage;
    private long _study;

    [Params(100, 1000)]
    public int Trials { get; set; }

    [Params(0, 10)]
    public int Reports { get; set; }

    [Params(1, 4)]
    public int Workers { get; set; }

    [Params(1, 8)]
    public int MaxConnections { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _path = StorageBenchmarkData.NewFile();
        _storage = new SqliteStudyStorage(_path, MaxConnections, TimeProvider.System);
        _study = _storage.OpenStudy("bench", Direction.Minimize, StorageBenchmarkData.Space, startFresh: false).Id;
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _storage!.Dispose();
        StorageBenchmarkData.Delete(_path);
    }

    [Benchmark]
    public int Study()
    {
        var storage = _storage!;
        int remaining = Trials;
        var threads = new Thread[Workers];
        for (int w = 0; w < threads.Length; w++)
        {
            string worker = "worker-" + w;
            threads[w] = new Thread(() =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    var trial = storage.CreateTrial(_study, worker, StorageBenchmarkData.Propose)!;
                    for (int step = 1; step <= Reports; step++)
                    {
                        storage.ReportIntermediate(_study, trial.Number, step, 1.0 / step);
                    }

                    storage.Heartbeat(_study, worker);
                    storage.FinishTrial(_study, trial.Number, TrialState.Complete, trial.Number, null, false);
                    storage.GetTrials(_study);
                }
            });
            threads[w].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return storage.GetTrials(_study).Count;
    }
}

/// <summary>
/// Reading a study of <see cref="Trials"/> trials: unchanged since the last read (the common case of a
/// progress read), after one trial changed (the cache reads one row), and cold from a new storage object
/// (every row: what a read without the change counter would cost every time).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ReadConfig))]
public class SqliteGetTrialsBenchmark
{
    private string _path = "";
    private SqliteStudyStorage? _storage;
    private long _study;
    private int _running;
    private int _step;

    [Params(100, 1000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = StorageBenchmarkData.NewFile();
        _storage = new SqliteStudyStorage(_path);
        _study = _storage.OpenStudy("bench", Direction.Minimize, StorageBenchmarkData.Space, startFresh: false).Id;
        for (int i = 0; i < Trials; i++)
        {
            var trial = _storage.CreateTrial(_study, "w", StorageBenchmarkData.Propose)!;
            for (int step = 1; step <= 10; step++)
            {
                _storage.ReportIntermediate(_study, trial.Number, step, 1.0 / step);
            }

            _storage.FinishTrial(_study, trial.Number, TrialState.Complete, i, null, false);
        }

        _running = _storage.CreateTrial(_study, "w", StorageBenchmarkData.Propose)!.Number;
        _storage.GetTrials(_study);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage!.Dispose();
        StorageBenchmarkData.Delete(_path);
    }

    [Benchmark(Baseline = true)]
    public int Unchanged() => _storage!.GetTrials(_study).Count;

    [Benchmark]
    public int AfterOneReport()
    {
        _storage!.ReportIntermediate(_study, _running, (++_step % 50) + 1, _step);
        return _storage.GetTrials(_study).Count;
    }

    [Benchmark]
    public int Cold()
    {
        using var storage = new SqliteStudyStorage(_path);
        return storage.GetTrials(_study).Count;
    }
}

/// <summary>
/// One whole study per operation (a new file each): few iterations, run in this process (the cost is
/// dominated by SQLite, not by JIT placement, and a separate build of this project takes minutes here).
/// </summary>
internal sealed class WholeStudyConfig : ManualConfig
{
    public WholeStudyConfig() => AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithInvocationCount(1)
        .WithUnrollFactor(1));
}

/// <summary>A short in-process job for the read benchmarks.</summary>
internal sealed class ReadConfig : ManualConfig
{
    public ReadConfig() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
