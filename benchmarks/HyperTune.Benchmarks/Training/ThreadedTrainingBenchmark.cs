using BenchmarkDotNet.Attributes;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// The training step as the generated loop runs it on a real-sized training set (4,096 rows: the
/// batch gathered from shuffled rows, forward and backward, the update), on 1 and 2 threads
/// (<see cref="KernelThreads.Use(int)"/>): what <see cref="TrainOptions.Threads"/> buys per step,
/// without the per-call work a whole <c>Train</c> adds (see benchmarks/HyperTune.FirstCalls for that);
/// and Adam beside SGD with the dataset streaming through the cache, as in a real run.
/// One operation is one step.
/// </summary>
[Config(typeof(TrainingBenchmarkConfig))]
[MemoryDiagnoser]
public class ThreadedTrainingBenchmark
{
    private const int Rows = 4096;
    private const int StepsPerInvoke = 16;

    private DenseNetwork _network = null!;
    private IOptimizer _optimizer = null!;
    private MiniBatchSampler _sampler = null!;
    private int _next;

    [Params("784-256-10")]
    public string Shape { get; set; } = "784-256-10";

    [Params(32, 256)]
    public int Batch { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(OptimizerKind.Sgd, OptimizerKind.Adam)]
    public OptimizerKind Optimizer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        MlpShape shape = MlpShape.Parse(Shape);
        var random = new Random(7);
        float[][] features = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, shape.Inputs).Select(_ => (random.NextSingle() * 2) - 1).ToArray()).ToArray();
        int[] labels = Enumerable.Range(0, Rows).Select(_ => random.Next(shape.Outputs)).ToArray();
        var data = Dataset.Classification(features, labels, shape.Outputs);
        _network = new DenseNetwork(shape.Inputs, shape.Outputs, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: shape.Hidden, seed: 1);
        _network.EnsureBatchCapacity(Batch);
        _optimizer = OptimizerFactory.Create(Optimizer, _network.ParameterCount);
        _sampler = new MiniBatchSampler(data, Batch, seed: 3);
        _sampler.Shuffle();
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public float TrainStep()
    {
        using IDisposable threads = KernelThreads.Use(Threads);
        float loss = 0;
        for (int step = 0; step < StepsPerInvoke; step++)
        {
            if (_next == _sampler.BatchCount)
            {
                _sampler.Shuffle();
                _next = 0;
            }

            loss = _network.ForwardBackward(_sampler.GetBatch(_next++));
            if (!float.IsFinite(loss)) throw new InvalidOperationException($"The loss became {loss}.");
            _optimizer.Step(_network.Parameters, _network.Gradients, 0.01f);
        }

        return loss;
    }
}
