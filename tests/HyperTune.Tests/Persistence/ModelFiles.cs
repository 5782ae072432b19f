namespace HyperTune.Tests.Persistence;

/// <summary>Models with known architectures and non-trivial standardisations, made without a training run.</summary>
internal static class ModelFiles
{
    /// <summary>A dense model with random weights, features of mixed scales standardised, and (regression) targets of scale 1e4.</summary>
    public static TrainedModel Dense(TaskKind task, int hiddenLayers, Activation activation, int features = 7, int outputs = 3, int hiddenUnits = 12, int seed = 1)
    {
        var network = new DenseNetwork(features, outputs, task, hiddenLayers, hiddenUnits, activation, seed: seed);
        var data = Data(task, features, outputs, rows: 50, seed);
        var metadata = ModelMetadata.FromConfig("abc123", ("LearningRate", 0.003), ("HiddenLayers", hiddenLayers), ("Activation", activation), ("Name", "a \"quoted\" ü"));
        return new TrainedModel(network, Standardization.Fit(data), task == TaskKind.Regression ? Standardization.FitTargets(data) : null, metadata);
    }

    /// <summary>Raw rows of mixed scales (1e-3 to 1e3) with labels or targets.</summary>
    public static Dataset Data(TaskKind task, int features, int outputs, int rows, int seed)
    {
        var random = new Random(seed);
        float[][] x = Enumerable.Range(0, rows)
            .Select(_ => Enumerable.Range(0, features).Select(j => (float)((random.NextDouble() - 0.3) * Math.Pow(10, (j % 7) - 3))).ToArray())
            .ToArray();
        return task == TaskKind.Classification
            ? Dataset.Classification(x, Enumerable.Range(0, rows).Select(r => r % outputs).ToArray(), outputs)
            : Dataset.Regression(x, Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, outputs).Select(k => (float)(1e4 * (random.NextDouble() + k))).ToArray()).ToArray());
    }

    public static byte[] Bytes(TrainedModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    public static TrainedModel Load(byte[] bytes) => TrainedModel.Load(new MemoryStream(bytes));

    /// <summary>Re-seals a payload edited in place: the FNV-1a 64-bit checksum after it, as the writer computes it.</summary>
    public static void Reseal(byte[] file)
    {
        const int header = 20;
        int length = (int)BitConverter.ToInt64(file, 12);
        ulong hash = 0xCBF29CE484222325UL;
        for (int i = header; i < header + length; i++)
        {
            hash ^= file[i];
            hash *= 0x100000001B3UL;
        }
        BitConverter.GetBytes(hash).CopyTo(file, header + length);
    }
}
