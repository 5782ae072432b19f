using HyperTune;
using static HyperTune.Scale;

// Runs against the packed HyperTune: the attributes and runtime come from lib/, the search space
// and the Train method from the generator in analyzers/. Exits non-zero when something a user
// relies on is missing or wrong.
var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition) failures.Add(what);
}

// [Optimizer(OptimizerKind.Adam)] names one value: a fixed setting, not a dimension (issue 10).
Check(ConsumerConfig.SearchSpace.DimensionCount == 3, "three dimensions");
Check(ConsumerConfig.SearchSpace.CountGrid() == 5 * 4 * 5, "grid count 100");
Check(string.Join(",", ConsumerConfig.SearchSpace.Grid().Select(c => c.LearningRate).Distinct()) == "1E-05,0.0001,0.001,0.01,0.1", "log grid of the learning rate");
var sample = ConsumerConfig.SearchSpace.Sample(new Random(1));
ConsumerConfig.SearchSpace.Validate(sample);
Check(ConsumerConfig.SearchSpace.Sample(new Random(2), new ConsumerConfig { Optimizer = OptimizerKind.Sgd }).Optimizer == OptimizerKind.Adam, "a fixed setting set on sampled configs");
Span<double> unit = stackalloc double[ConsumerConfig.SearchSpace.DimensionCount];
ConsumerConfig.SearchSpace.Encode(sample, unit);
Check(ConsumerConfig.SearchSpace.Decode(unit, sample).BatchSize == sample.BatchSize, "encode/decode round trip");

// XOR, trained by the generated loop.
var xor = Dataset.Classification(new[] { new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f } }, new[] { 0, 1, 1, 0 });
var result = new ConsumerConfig().Train(xor, xor, new TrainOptions { Seed = 1 });
Check(result.Model.Evaluate(xor).Accuracy == 1.0, "XOR learned");

// The model outlives the process: saved, loaded, and exported to ONNX (Google.Protobuf comes with the package).
using (var saved = new MemoryStream())
{
    result.Model.Save(saved);
    saved.Position = 0;
    var loaded = TrainedModel.Load(saved);
    Check(loaded.Predict(xor).SequenceEqual(result.Model.Predict(xor)), "a loaded model predicts what the saved one did");
    Check(loaded.Metadata?.SearchSpaceFingerprint == ConsumerConfig.SearchSpace.Fingerprint, "the model records the search space");
    using var onnx = new MemoryStream();
    loaded.ExportOnnx(onnx);
    Check(onnx.Length > 0, "ONNX export");
}

if (failures.Count > 0)
{
    Console.Error.WriteLine("HyperTune package consumer failed: " + string.Join("; ", failures));
    return 1;
}

Console.WriteLine($"HyperTune package consumed: {ConsumerConfig.SearchSpace.CountGrid()} grid points, XOR learned in {result.History.Count} epochs ({result.StopReason}).");
return 0;

/// <summary>A user's config, with the design's original spelling of the log scale.</summary>
[EarlyStopping(50, RestoreBestWeights = true)]
public partial class ConsumerConfig
{
    [LearningRate(0.1, 0.00001, LogScale)] public double LearningRate { get; set; } = 0.05;
    [BatchSize(4, 8, 16, 32)] public int BatchSize { get; set; } = 4;
    [Epochs(2000)] public int Epochs { get; set; } = 2000;
    [HiddenUnits(4, 64, Log)] public int HiddenUnits { get; set; } = 8;
    [Optimizer(OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;
    public Activation Activation { get; set; } = Activation.Tanh;
}
