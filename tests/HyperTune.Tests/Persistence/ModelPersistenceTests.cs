namespace HyperTune.Tests.Persistence;

using HyperTune.Tests.Data;
using HyperTune.Tests.Training;

/// <summary><see cref="TrainedModel.Save(string)"/> and <see cref="TrainedModel.Load(string)"/>: round trips and bad files.</summary>
public class ModelPersistenceTests
{
    public static TheoryData<TaskKind, int, Activation> Architectures() => new()
    {
        { TaskKind.Classification, 1, Activation.Relu },
        { TaskKind.Classification, 3, Activation.Tanh },
        { TaskKind.Regression, 0, Activation.Relu },
        { TaskKind.Regression, 2, Activation.Tanh },
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void A_loaded_model_predicts_bit_for_bit_what_the_saved_one_did(TaskKind task, int hiddenLayers, Activation activation)
    {
        var model = ModelFiles.Dense(task, hiddenLayers, activation);
        var data = ModelFiles.Data(task, 7, 3, rows: 300, seed: 9);
        string path = Path.Combine(Path.GetTempPath(), $"hypertune-{Guid.NewGuid():N}.htmodel");
        try
        {
            model.Save(path);
            var loaded = TrainedModel.Load(path);

            Assert.Equal(Bits(model.Predict(data)), Bits(loaded.Predict(data)));
            Assert.Equal((model.Task, model.FeatureCount, model.OutputCount), (loaded.Task, loaded.FeatureCount, loaded.OutputCount));
            Assert.Equal(model.Network.Parameters.ToArray(), loaded.Network.Parameters.ToArray());
            Assert.Equal(model.Standardization!.Means.ToArray(), loaded.Standardization!.Means.ToArray());
            Assert.Equal(model.Standardization.Scales.ToArray(), loaded.Standardization.Scales.ToArray());
            Assert.Equal(model.TargetStandardization?.Means.ToArray(), loaded.TargetStandardization?.Means.ToArray());
            var network = Assert.IsType<DenseNetwork>(loaded.Network);
            Assert.Equal((hiddenLayers, activation), (network.HiddenLayers, network.Activation));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_trained_model_round_trips_with_its_config()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 2);
        var model = new DigitsConfig { Epochs = 3, HiddenLayers = 2 }.Train(train, validation).Model;

        var loaded = ModelFiles.Load(ModelFiles.Bytes(model));

        Assert.Equal(Bits(model.Predict(validation)), Bits(loaded.Predict(validation)));
        Assert.Equal(model.PredictClasses(validation), loaded.PredictClasses(validation));
        Assert.Equal(model.Evaluate(validation), loaded.Evaluate(validation));
        Assert.Equal(DigitsConfig.SearchSpace.Fingerprint, loaded.Metadata!.SearchSpaceFingerprint);
        Assert.Equal(model.Metadata!.Values, loaded.Metadata.Values);
        Assert.Equal("2", loaded.Metadata["HiddenLayers"]);
        Assert.False(string.IsNullOrEmpty(loaded.Metadata.LibraryVersion));
    }

    [Theory]
    [InlineData(InputScaling.Standardize)]
    [InlineData(InputScaling.MinMax)]
    [InlineData(InputScaling.None)]
    public void A_funnel_with_its_input_scaling_round_trips(InputScaling scaling)
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 2);
        var config = new HyperTune.Tests.Configs.PortedConfig { HiddenUnits = 16, Shrink = 0.5, Scaling = scaling, Epochs = 2 };
        var model = config.Train(train, validation).Model;

        var loaded = ModelFiles.Load(ModelFiles.Bytes(model));

        var network = Assert.IsType<DenseNetwork>(loaded.Network);
        Assert.Equal(new[] { 16, 8 }, network.HiddenWidths.ToArray());
        Assert.Equal(new[] { 16, 8 }, Assert.IsType<DenseNetwork>(model.Network).HiddenWidths.ToArray());
        Assert.Equal(Bits(model.Predict(validation)), Bits(loaded.Predict(validation)));
        Assert.Equal(scaling == InputScaling.None, loaded.Standardization is null);
        Assert.Equal("[16, 8]", loaded.Metadata!["HiddenWidths"]);
        Assert.Equal("16", loaded.Metadata["HiddenUnits"]);
        Assert.Equal(scaling.ToString(), loaded.Metadata["Scaling"]);
    }

    [Fact]
    public void Metadata_survives_with_any_text()
    {
        var loaded = ModelFiles.Load(ModelFiles.Bytes(ModelFiles.Dense(TaskKind.Classification, 1, Activation.Relu)));
        Assert.Equal("abc123", loaded.Metadata!.SearchSpaceFingerprint);
        Assert.Equal("\"a \"quoted\" ü\"", loaded.Metadata["Name"]);
        Assert.Equal("Relu", loaded.Metadata["Activation"]);
        Assert.Equal("0.003", loaded.Metadata["LearningRate"]);
    }

    [Fact]
    public void Models_follow_each_other_in_one_stream()
    {
        var first = ModelFiles.Dense(TaskKind.Classification, 1, Activation.Relu, seed: 1);
        var second = ModelFiles.Dense(TaskKind.Regression, 2, Activation.Tanh, seed: 2);
        using var stream = new MemoryStream();
        first.Save(stream);
        second.Save(stream);
        stream.Position = 0;

        Assert.Equal(TaskKind.Classification, TrainedModel.Load(stream).Task);
        Assert.Equal(TaskKind.Regression, TrainedModel.Load(stream).Task);
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void Every_truncation_is_an_invalid_data_exception_that_says_so()
    {
        byte[] file = ModelFiles.Bytes(ModelFiles.Dense(TaskKind.Regression, 2, Activation.Tanh, features: 3, outputs: 2, hiddenUnits: 4));
        for (int length = 0; length < file.Length; length++)
        {
            var error = Assert.Throws<InvalidDataException>(() => ModelFiles.Load(file[..length]));
            Assert.True(
                error.Message.Contains("truncated") || (length < 8 && error.Message.Contains("not a HyperTune model")),
                $"{length} of {file.Length} bytes: {error.Message}");
        }
    }

    [Fact]
    public void Every_damaged_byte_is_an_invalid_data_exception()
    {
        byte[] file = ModelFiles.Bytes(ModelFiles.Dense(TaskKind.Classification, 1, Activation.Relu, features: 3, outputs: 2, hiddenUnits: 4));
        for (int i = 0; i < file.Length; i++)
        {
            byte[] damaged = (byte[])file.Clone();
            damaged[i] ^= 0x5A;
            Exception? error = Record.Exception(() => ModelFiles.Load(damaged));
            Assert.True(error is InvalidDataException, $"byte {i}: {error?.GetType().Name ?? "no exception"} {error?.Message}");
        }
    }

    [Fact]
    public void A_file_that_is_not_a_model_says_so()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hypertune-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "1,2,3\n4,5,6\n7,8,9\n10,11,12\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => TrainedModel.Load(path));
            Assert.Equal($"The file '{path}' is not a HyperTune model: it does not start with the model signature (89 48 54 4D 4F 44 45 4C, \"\\x89HTMODEL\").", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Contains("not a HyperTune model", Assert.Throws<InvalidDataException>(() => ModelFiles.Load([])).Message);
    }

    [Fact]
    public void A_newer_format_version_asks_for_a_newer_hypertune()
    {
        byte[] file = ModelFiles.Bytes(ModelFiles.Dense(TaskKind.Classification, 1, Activation.Relu));
        BitConverter.GetBytes(2).CopyTo(file, 8);

        var error = Assert.Throws<InvalidDataException>(() => ModelFiles.Load(file));

        Assert.StartsWith("The stream was written in model format version 2, but this HyperTune", error.Message);
        Assert.EndsWith("reads versions 1 to 1: load it with a newer HyperTune.", error.Message);
    }

    [Fact]
    public void Sizes_that_disagree_are_named()
    {
        // Layout after the header: library version (int32 length + bytes), task, activation, widths count, widths...
        byte[] file = ModelFiles.Bytes(ModelFiles.Dense(TaskKind.Classification, 1, Activation.Relu, features: 7, outputs: 3, hiddenUnits: 12));
        int widths = 20 + 4 + BitConverter.ToInt32(file, 20) + 2;
        Assert.Equal(3, BitConverter.ToInt32(file, widths));

        byte[] narrower = (byte[])file.Clone();
        BitConverter.GetBytes(6).CopyTo(narrower, widths + 4); // inputs 7 -> 6
        ModelFiles.Reseal(narrower);
        Assert.Contains("the feature standardisation has 7 columns, but the network has 6 features", Assert.Throws<InvalidDataException>(() => ModelFiles.Load(narrower)).Message);

        byte[] hidden = (byte[])file.Clone();
        BitConverter.GetBytes(8).CopyTo(hidden, widths + 8);
        ModelFiles.Reseal(hidden);
        Assert.Matches(@"it declares \d+ weights and biases, but layers 7-8-3 have 91 \(at byte \d+\)", Assert.Throws<InvalidDataException>(() => ModelFiles.Load(hidden)).Message);

        byte[] classes = (byte[])file.Clone();
        BitConverter.GetBytes(4).CopyTo(classes, widths + 16); // class count 3 -> 4
        ModelFiles.Reseal(classes);
        Assert.Contains("it declares 4 classes for a classifier with 3 outputs", Assert.Throws<InvalidDataException>(() => ModelFiles.Load(classes)).Message);

        byte[] huge = (byte[])file.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(huge, widths);
        ModelFiles.Reseal(huge);
        Assert.Contains("layer widths", Assert.Throws<InvalidDataException>(() => ModelFiles.Load(huge)).Message);
    }

    [Fact]
    public void A_model_of_your_own_cannot_be_saved_or_exported()
    {
        var model = new TrainedModel(new IdentityRegressor(2), null);
        Assert.Contains("Only a model of the built-in DenseNetwork", Assert.Throws<NotSupportedException>(() => model.Save(new MemoryStream())).Message);
        Assert.Throws<NotSupportedException>(() => model.ExportOnnx(new MemoryStream()));
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
