using BenchmarkDotNet.Attributes;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// The generated loop itself: <see cref="LoopConfig"/>'s <c>Train</c>, emitted by the generator,
/// training a <see cref="DenseNetwork"/> for <see cref="Epochs"/> epochs over
/// <see cref="MlpShape.BatchesPerInvoke"/> batches. One operation is one step, so the figures sit
/// beside <see cref="HyperTuneTrainingBenchmark"/>'s bare steps; the difference is what the loop adds
/// (reshuffling and gathering each batch, the schedule, per-run set-up amortised over the run).
/// </summary>
[Config(typeof(TrainingBenchmarkConfig))]
[MemoryDiagnoser]
public class GeneratedLoopBenchmark
{
    private const int Epochs = 8;

    private DenseNetwork _network = null!;
    private Dataset _data = null!;
    private LoopConfig _config = null!;

    [Params("64-128-10", "784-256-10")]
    public string Shape { get; set; } = "64-128-10";

    [Params(32, 64, 128, 256)]
    public int Batch { get; set; }

    [Params(OptimizerKind.Sgd, OptimizerKind.Adam)]
    public OptimizerKind Optimizer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = MlpShape.Parse(Shape);
        _network = new DenseNetwork(shape.Inputs, shape.Outputs, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: shape.Hidden, seed: 1);
        _network.EnsureBatchCapacity(Batch);
        var (features, labels) = shape.SyntheticData(Batch);
        var rows = new float[labels.Length][];
        for (int row = 0; row < rows.Length; row++)
        {
            rows[row] = features.AsSpan(row * shape.Inputs, shape.Inputs).ToArray();
        }

        _data = Dataset.Classification(rows, labels, shape.Outputs);
        _config = new LoopConfig
        {
            BatchSize = Batch,
            Optimizer = Optimizer,
            LearningRate = Optimizer == OptimizerKind.Sgd ? 0.01 : 0.0005,
            Epochs = Epochs,
        };
    }

    [Benchmark(OperationsPerInvoke = MlpShape.BatchesPerInvoke * Epochs)]
    public StopReason TrainEpochs() => _config.Train(_network, _data).StopReason;
}

/// <summary>The config the benchmark trains: the learning rate, batch size, epochs and optimiser.</summary>
public partial class LoopConfig
{
    [LearningRate(0.1, 0.0001, Scale.Log)] public double LearningRate { get; set; } = 0.01;
    [BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; } = 32;
    [Epochs(8)] public int Epochs { get; set; } = 8;
    [Optimizer(OptimizerKind.Sgd, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }
}
