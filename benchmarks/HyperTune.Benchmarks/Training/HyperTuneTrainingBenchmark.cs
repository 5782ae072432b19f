using BenchmarkDotNet.Attributes;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// HyperTune's <see cref="DenseNetwork"/> and optimiser, driven by the loop the generator will emit:
/// for each batch, <c>loss = model.ForwardBackward(batch)</c>, the NaN guard, then
/// <c>optimizer.Step(model.Parameters, model.Gradients, learningRate)</c>. One operation is one step.
/// </summary>
[Config(typeof(TrainingBenchmarkConfig))]
[MemoryDiagnoser]
public class HyperTuneTrainingBenchmark
{
    private DenseNetwork _network = null!;
    private IOptimizer _optimizer = null!;
    private float[] _features = [];
    private int[] _labels = [];
    private MlpShape _shape;
    private float _learningRate;

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
        _network = new DenseNetwork(_shape.Inputs, _shape.Outputs, TaskKind.Classification, hiddenLayers: 1, hiddenUnits: _shape.Hidden, seed: 1);
        _network.EnsureBatchCapacity(Batch);
        _optimizer = OptimizerFactory.Create(Optimizer, _network.ParameterCount);
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
            var batch = new MiniBatch(_features.AsSpan(b * Batch * inputs, Batch * inputs), inputs, _labels.AsSpan(b * Batch, Batch));
            loss = _network.ForwardBackward(batch);
            if (!float.IsFinite(loss)) throw new InvalidOperationException($"The loss became {loss}.");
            _optimizer.Step(_network.Parameters, _network.Gradients, _learningRate);
        }

        return loss;
    }
}
