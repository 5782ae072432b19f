namespace HyperTune.Tests.Persistence;

using HyperTune.Tests.Data;
using HyperTune.Tests.Training;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

/// <summary>The exported ONNX graph, run in ONNX Runtime, against <see cref="TrainedModel.Predict(Dataset)"/>.</summary>
public class OnnxExportTests
{
    public static TheoryData<TaskKind, int, Activation> Architectures()
    {
        var data = new TheoryData<TaskKind, int, Activation>();
        foreach (var task in new[] { TaskKind.Classification, TaskKind.Regression })
        {
            for (int layers = 1; layers <= 3; layers++)
            {
                foreach (var activation in new[] { Activation.Relu, Activation.Tanh }) data.Add(task, layers, activation);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Onnx_runtime_agrees_with_predict(TaskKind task, int hiddenLayers, Activation activation)
    {
        var model = ModelFiles.Dense(task, hiddenLayers, activation, features: 9, outputs: task == TaskKind.Classification ? 4 : 2, hiddenUnits: 16);
        var data = ModelFiles.Data(task, 9, task == TaskKind.Classification ? 4 : 2, rows: 300, seed: 5);

        float[] expected = model.Predict(data);
        float[] actual = Run(Export(model), data, task == TaskKind.Classification ? "probabilities" : "values", model.OutputCount);

        AssertClose(expected, actual, task == TaskKind.Regression ? Scale(model) : 1.0);
    }

    [Fact]
    public void A_trained_digits_model_exports_to_the_same_probabilities_and_classes()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 3);
        var model = new DigitsConfig { Epochs = 5, HiddenLayers = 2 }.Train(train, validation).Model;
        string path = Path.Combine(Path.GetTempPath(), $"hypertune-{Guid.NewGuid():N}.onnx");
        try
        {
            model.ExportOnnx(path);
            float[] probabilities = Run(File.ReadAllBytes(path), validation, "probabilities", 10);

            AssertClose(model.Predict(validation), probabilities, 1.0);
            int[] classes = Enumerable.Range(0, validation.Count).Select(r => ArgMax(probabilities.AsSpan(r * 10, 10))).ToArray();
            Assert.Equal(model.PredictClasses(validation), classes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_trained_regression_model_exports_its_targets_scale()
    {
        var (train, validation) = TestData.Diabetes().Split(0.8, seed: 3);
        var model = new RegressionConfig { Epochs = 20 }.Train(train, validation).Model;

        float[] values = Run(Export(model), validation, "values", 1);

        AssertClose(model.Predict(validation), values, Scale(model));
        Assert.InRange(values.Average(), 50, 300); // diabetes progression, not standardised units
    }

    [Fact]
    public void The_graph_declares_opset_13_its_input_and_output_and_the_metadata()
    {
        var model = ModelFiles.Dense(TaskKind.Classification, 2, Activation.Tanh);
        using var session = new InferenceSession(Export(model));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("features", input.Key);
        Assert.Equal(TensorElementType.Float, input.Value.ElementDataType);
        Assert.Equal(new[] { -1, 7 }, input.Value.Dimensions);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("probabilities", output.Key);
        Assert.Equal(new[] { -1, 3 }, output.Value.Dimensions);
        Assert.Equal("HyperTune", session.ModelMetadata.ProducerName);
        Assert.Equal("abc123", session.ModelMetadata.CustomMetadataMap["hypertune.search_space_fingerprint"]);
        Assert.Equal("0.003", session.ModelMetadata.CustomMetadataMap["hypertune.config.LearningRate"]);
    }

    private static byte[] Export(TrainedModel model)
    {
        using var stream = new MemoryStream();
        model.ExportOnnx(stream);
        return stream.ToArray();
    }

    private static float[] Run(byte[] onnx, Dataset data, string outputName, int outputWidth)
    {
        using var session = new InferenceSession(onnx);
        var input = new DenseTensor<float>(data.Features.ToArray(), [data.Count, data.FeatureCount]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        var output = Assert.Single(results);
        Assert.Equal(outputName, output.Name);
        var tensor = output.AsTensor<float>();
        Assert.Equal(new[] { data.Count, outputWidth }, tensor.Dimensions.ToArray());
        return tensor.ToArray();
    }

    /// <summary>Regression values are compared relative to the targets' spread, as 1e-5 of a standardised unit.</summary>
    private static double Scale(TrainedModel model) => model.TargetStandardization?.Scales.ToArray().Max() ?? 1.0;

    private static void AssertClose(float[] expected, float[] actual, double scale)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]) / scale);
        Assert.True(worst <= 1e-5, $"largest difference {worst:E2} (in units of {scale:G4})");
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }
}
