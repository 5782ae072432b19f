namespace HyperTune.Benchmarks.Training;

/// <summary>
/// A one-hidden-layer MLP shape as the benchmarks name it ("784-256-10"), the synthetic data for it,
/// and the FLOP count every throughput figure is converted with.
/// </summary>
internal readonly record struct MlpShape(int Inputs, int Hidden, int Outputs)
{
    /// <summary>Distinct batches each invocation steps through, so the data is not one cached batch.</summary>
    public const int BatchesPerInvoke = 8;

    public static MlpShape Parse(string text)
    {
        string[] parts = text.Split('-');
        return new MlpShape(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
    }

    /// <summary>Weights (biases excluded): <c>in·hidden + hidden·out</c>.</summary>
    public long Weights => ((long)Inputs * Hidden) + ((long)Hidden * Outputs);

    /// <summary>
    /// FLOPs a training step spends per sample, by the usual convention: <c>6 · weights</c> (2 for the
    /// forward product, 2 for the weight gradient, 2 for the input gradient). It is the convention the
    /// issue's libtorch figures use (58% of 269 GFLOP/s at 127k samples/s = 6 x 203,264 FLOPs); it
    /// counts the first layer's input gradient, which no implementation computes, so the true work of
    /// 784-256-10 is about 4.05 · weights and the fractions overstate the executed FLOP rate alike for all.
    /// </summary>
    public double FlopsPerSample => 6.0 * Weights;

    /// <summary>Seeded features in [-1, 1) and labels for <see cref="BatchesPerInvoke"/> batches.</summary>
    public (float[] Features, int[] Labels) SyntheticData(int batch, int seed = 7)
    {
        var random = new Random(seed);
        var features = new float[BatchesPerInvoke * batch * Inputs];
        for (int i = 0; i < features.Length; i++) features[i] = (random.NextSingle() * 2) - 1;
        var labels = new int[BatchesPerInvoke * batch];
        for (int i = 0; i < labels.Length; i++) labels[i] = random.Next(Outputs);
        return (features, labels);
    }

    public override string ToString() => $"{Inputs}-{Hidden}-{Outputs}";
}
