using BenchmarkDotNet.Attributes;

namespace HyperTune.Benchmarks.Prediction;

/// <summary>
/// Prediction of many rows: the network's bare forward pass on standardised rows (the floor), a
/// <see cref="TrainedModel"/>'s batch <c>Predict(Dataset)</c> on raw rows (standardisation and
/// allocation of the result included), and the same rows one <c>Predict</c> call each. One
/// operation is one row.
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmark
{
    private const int Rows = 4096;
    private DenseNetwork _network = null!;
    private TrainedModel _model = null!;
    private Dataset _raw = null!;
    private float[] _standardised = [];
    private float[] _outputs = [];

    [Params("64-64-10", "784-256-10")]
    public string Shape { get; set; } = "64-64-10";

    [GlobalSetup]
    public void Setup()
    {
        int[] widths = Shape.Split('-').Select(int.Parse).ToArray();
        var random = new Random(1);
        float[][] rows = Enumerable.Range(0, Rows).Select(_ => Enumerable.Range(0, widths[0]).Select(_ => (float)(random.NextDouble() * 16)).ToArray()).ToArray();
        _raw = Dataset.Classification(rows, Enumerable.Range(0, Rows).Select(r => r % widths[2]).ToArray(), widths[2]);
        var standardization = Standardization.Fit(_raw);
        _network = new DenseNetwork(widths[0], widths[2], TaskKind.Classification, hiddenLayers: 1, hiddenUnits: widths[1], seed: 1);
        _network.EnsureBatchCapacity(256);
        _model = new TrainedModel(_network, standardization);
        _standardised = standardization.Apply(_raw).Features.ToArray();
        _outputs = new float[Rows * widths[2]];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public float ForwardPass()
    {
        _network.Predict(_standardised, Rows, _outputs);
        return _outputs[0];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float ModelBatch() => _model.Predict(_raw)[0];

    [Benchmark(OperationsPerInvoke = Rows)]
    public float ModelRowByRow()
    {
        int width = _model.OutputCount;
        for (int r = 0; r < Rows; r++) _model.Predict(_raw.GetRow(r), _outputs.AsSpan(r * width, width));
        return _outputs[0];
    }
}
