using BenchmarkDotNet.Attributes;

namespace HyperTune.Benchmarks.Training;

/// <summary>The two baselines, plain scalar loops and straightforward TensorPrimitives, on the same shapes, batches and data.</summary>
[Config(typeof(TrainingBenchmarkConfig))]
[MemoryDiagnoser]
public class BaselineTrainingBenchmark
{
    private BaselineMlp _mlp = null!;
    private float[] _features = [];
    private int[] _labels = [];
    private MlpShape _shape;
    private float _learningRate;

    public enum Implementation { Scalar, TensorPrimitives }

    [Params(Implementation.Scalar, Implementation.TensorPrimitives)]
    public Implementation Baseline { get; set; }

    [Params("64-128-10", "784-256-10")]
    public string Shape { get; set; } = "64-128-10";

    [Params(32, 64, 128, 256)]
    public int Batch { get; set; }

    [Params(OptimizerKind.Sgd, OptimizerKind.Adam)]
    public OptimizerKind Optimizer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _shape = MlpShape.Parse(Shape);
        _mlp = Baseline == Implementation.Scalar
            ? new ScalarMlp(_shape, Batch, Optimizer)
            : new TensorPrimitivesMlp(_shape, Batch, Optimizer);
        _learningRate = Optimizer == OptimizerKind.Sgd ? 0.01f : 0.0005f;
        (_features, _labels) = _shape.SyntheticData(Batch);
    }

    [Benchmark(OperationsPerInvoke = MlpShape.BatchesPerInvoke)]
    public float TrainStep()
    {
        int inputs = _shape.Inputs;
        float loss = 0;
        for (int b = 0; b < MlpShape.BatchesPerInvoke; b++)
        {
            loss = _mlp.ForwardBackward(_features.AsSpan(b * Batch * inputs, Batch * inputs), _labels.AsSpan(b * Batch, Batch), Batch);
            if (!float.IsFinite(loss)) throw new InvalidOperationException($"The loss became {loss}.");
            _mlp.Step(_learningRate);
        }

        return loss;
    }
}
