namespace HyperTune.Tests.Data;

/// <summary>
/// <see cref="StandardizedData.CreateModelFrom"/>: the generated <c>Train</c> wraps the model of a run on
/// scaled data with the scalings without copying the weights again, and predicts as
/// <see cref="StandardizedData.CreateModel(ITrainableModel, ModelMetadata?)"/> does from the network.
/// </summary>
public class StandardizedDataModelTests
{
    private static (StandardizedData Data, DenseNetwork Network) Trained(TaskKind task)
    {
        var random = new Random(2);
        float[][] rows = Enumerable.Range(0, 120).Select(_ => Enumerable.Range(0, 6).Select(j => (random.NextSingle() * 50 * (j + 1)) + 3).ToArray()).ToArray();
        Dataset raw = task == TaskKind.Classification
            ? Dataset.Classification(rows, Enumerable.Range(0, rows.Length).Select(i => i % 3).ToArray())
            : Dataset.Regression(rows, rows.Select(r => (r[0] * 1000) + r[1]).ToArray());
        StandardizedData data = StandardizedData.Fit(raw, null);
        var network = new DenseNetwork(6, data.OutputCount, task, hiddenLayers: 1, hiddenUnits: 8, seed: 4);
        var optimizer = new SgdOptimizer();
        var sampler = new MiniBatchSampler(data.Train, 16, 0);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            sampler.Shuffle();
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                network.ForwardBackward(sampler.GetBatch(b));
                optimizer.Step(network.Parameters, network.Gradients, 0.01f);
            }
        }

        return (data, network);
    }

    [Theory]
    [InlineData(TaskKind.Classification)]
    [InlineData(TaskKind.Regression)]
    public void The_run_model_with_scalings_predicts_as_the_network_with_scalings(TaskKind task)
    {
        var (data, network) = Trained(task);
        var metadata = new ModelMetadata("abc", [new KeyValuePair<string, string>("LearningRate", "0.01")]);
        TrainedModel fromNetwork = data.CreateModel(network, metadata);
        TrainedModel runModel = new(network, null);
        TrainedModel fromRun = data.CreateModelFrom(runModel, metadata);

        Assert.Same(data.Features, fromRun.Standardization);
        Assert.Same(data.Targets, fromRun.TargetStandardization);
        Assert.Same(metadata, fromRun.Metadata);
        Assert.Same(runModel.Dense, fromRun.Dense); // the weights are shared, not copied
        float[] raw = [10, 20, 30, 40, 50, 60];
        var expected = new float[fromNetwork.OutputCount];
        var actual = new float[fromRun.OutputCount];
        fromNetwork.Predict(raw, expected);
        fromRun.Predict(raw, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_model_that_already_scales_is_refused()
    {
        var (data, network) = Trained(TaskKind.Classification);
        TrainedModel scaled = data.CreateModel(network, null);
        var error = Assert.Throws<ArgumentException>(() => data.CreateModelFrom(scaled, null));
        Assert.Equal("trained", error.ParamName);
    }

    [Fact]
    public void A_model_of_other_width_is_refused()
    {
        var (data, _) = Trained(TaskKind.Classification);
        var other = new TrainedModel(new DenseNetwork(5, 3, TaskKind.Classification, 1, 4), null);
        Assert.Throws<ArgumentException>(() => data.CreateModelFrom(other, null));
    }
}
