using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// The steady state with and without <c>AggressiveOptimization</c> on the hot paths, side by side:
/// the same generated loop as <see cref="GeneratedLoopBenchmark"/>, in two jobs, one built as the
/// library ships (<c>hot</c>), one built with <c>-p:HyperTuneHotPaths=false</c> (<c>cold</c>: the
/// kernels' drivers, the optimisers, the sampler and the evaluator left to tiering, so that they
/// reach tier 1 with dynamic PGO). Both run with the runtime's default settings, warmed up, so the
/// difference is what giving up dynamic PGO costs once everything is compiled.
/// </summary>
[Config(typeof(HotColdConfig))]
public class HotPathsBenchmark
{
    private const int Epochs = 8;

    private DenseNetwork _network = null!;
    private Dataset _data = null!;
    private LoopConfig _config = null!;

    [Params("64-128-10", "784-256-10")]
    public string Shape { get; set; } = "64-128-10";

    [Params(32)]
    public int Batch { get; set; } = 32;

    [Params(OptimizerKind.Sgd, OptimizerKind.Adam)]
    public OptimizerKind Optimizer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = MlpShape.Parse(Shape);
        int batch = Batch;
        _network = new DenseNetwork(shape.Inputs, shape.Outputs, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: shape.Hidden, seed: 1);
        _network.EnsureBatchCapacity(batch);
        var (features, labels) = shape.SyntheticData(batch);
        var rows = new float[labels.Length][];
        for (int row = 0; row < rows.Length; row++) rows[row] = features.AsSpan(row * shape.Inputs, shape.Inputs).ToArray();
        _data = Dataset.Classification(rows, labels, shape.Outputs);
        _config = new LoopConfig { BatchSize = batch, Optimizer = Optimizer, LearningRate = Optimizer == OptimizerKind.Sgd ? 0.01 : 0.0005, Epochs = Epochs };
    }

    /// <summary>One thread, as the tuner's trials run: the comparison is of code, not of threads.</summary>
    [Benchmark(OperationsPerInvoke = MlpShape.BatchesPerInvoke * Epochs)]
    public StopReason TrainEpochs() => _config.Train(_network, _data, options: new TrainOptions { Threads = 1 }).StopReason;

    private sealed class HotColdConfig : ManualConfig
    {
        public HotColdConfig()
        {
            AddJob(Job.ShortRun.WithId("hot").AsBaseline());
            AddJob(Job.ShortRun.WithArguments([new MsBuildArgument("/p:HyperTuneHotPaths=false")]).WithId("cold"));
            AddColumn(new ThroughputColumn(ThroughputColumn.Kind.SamplesPerSecond));
            AddColumn(new ThroughputColumn(ThroughputColumn.Kind.SamplesPerSecond, fastest: true));
            // Two builds of the whole benchmark project; on a machine shared with other builds they take minutes.
            WithBuildTimeout(TimeSpan.FromMinutes(20));
        }
    }
}
