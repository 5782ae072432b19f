namespace HyperTune.Tests.Data;

/// <summary><see cref="TrainedModel"/>: raw rows in, standardised for the network, predictions out.</summary>
public class TrainedModelTests
{
    // Raw feature 10, 30 -> mean 20, scale 10 -> standardised -1, 1.
    private static readonly Standardization Fit = Standardization.Fit(Dataset.Regression([[10f], [30f]], [0f, 0f]));

    [Fact]
    public void Regression_prediction_goes_through_the_standardisation()
    {
        var model = new TrainedModel(new IdentityRegressor(1), Fit);

        Assert.Equal(-1f, model.PredictValue([10f]));
        Assert.Equal(0.5f, model.PredictValue([25f]));
        Span<float> outputs = stackalloc float[1];
        model.Predict([30f], outputs);
        Assert.Equal(1f, outputs[0]);
        Assert.Equal((TaskKind.Regression, 1, 1), (model.Task, model.FeatureCount, model.OutputCount));
    }

    [Fact]
    public void Classification_gives_the_class_and_the_probabilities()
    {
        // The table classifier reads the standardised feature as a row index: raw 20 -> 0, raw 30 -> 1.
        var model = new TrainedModel(new TableClassifier([[0.2f, 0.8f], [0.9f, 0.1f]]), Fit);

        Assert.Equal(1, model.PredictClass([20f]));
        Assert.Equal(0, model.PredictClass([30f]));
        Assert.Equal([0.9f, 0.1f], model.PredictProbabilities([30f]));
    }

    [Fact]
    public void Evaluate_takes_raw_data()
    {
        var model = new TrainedModel(new IdentityRegressor(1), Fit);
        // Standardised predictions -1 and 1 against targets -1 and 0: MSE = (0 + 1) / 2.
        Assert.Equal(new Evaluation(0.5, null), model.Evaluate(Dataset.Regression([[10f], [30f]], [-1f, 0f])));
    }

    [Fact]
    public void Without_standardisation_raw_features_go_straight_in()
        => Assert.Equal(7f, new TrainedModel(new IdentityRegressor(1), null).PredictValue([7f]));

    [Fact]
    public void Bad_rows_and_wrong_tasks_are_rejected()
    {
        var regressor = new TrainedModel(new IdentityRegressor(1), Fit);
        Assert.StartsWith("Feature 0 is NaN", Assert.Throws<ArgumentException>(() => regressor.PredictValue([float.NaN])).Message);
        Assert.StartsWith("The model takes 1 features a row, but 2 were given", Assert.Throws<ArgumentException>(() => regressor.PredictValue([1f, 2f])).Message);
        Assert.Throws<InvalidOperationException>(() => regressor.PredictClass([1f]));
        Assert.Throws<InvalidOperationException>(() => regressor.PredictProbabilities([1f]));
        Assert.Throws<ArgumentException>(() => regressor.Predict([1f], new float[2]));
        Assert.Throws<InvalidOperationException>(() => new TrainedModel(new TableClassifier([[1f]]), null).PredictValue([0f]));
        Assert.Throws<InvalidOperationException>(() => new TrainedModel(new IdentityRegressor(2), null).PredictValue([0f, 0f]));
        Assert.Throws<ArgumentException>(() => new TrainedModel(new IdentityRegressor(2), Fit));
    }
}

/// <summary>Many rows at once, many threads at once, and the input width checked on every path.</summary>
public class TrainedModelBatchTests
{
    private static readonly TrainedModel Classifier = Persistence.ModelFiles.Dense(TaskKind.Classification, 2, Activation.Relu, features: 7, outputs: 3);
    private static readonly TrainedModel Regressor = Persistence.ModelFiles.Dense(TaskKind.Regression, 1, Activation.Tanh, features: 7, outputs: 2);

    [Fact]
    public void Batch_predictions_are_the_row_by_row_predictions()
    {
        // 600 rows: more than one chunk of the forward pass.
        var data = Persistence.ModelFiles.Data(TaskKind.Classification, 7, 3, rows: 600, seed: 4);
        float[] batch = Classifier.Predict(data);
        var rows = new float[batch.Length];
        Classifier.PredictBatch(data.Features, rows);

        int[] classes = Classifier.PredictClasses(data);
        for (int r = 0; r < data.Count; r++)
        {
            // The GEMM's row tiles differ with the row count: a row alone agrees to float rounding.
            AssertClose(Classifier.PredictProbabilities(data.GetRow(r)), batch.AsSpan(r * 3, 3));
            Assert.Equal(ModelEvaluatorArgMax(batch.AsSpan(r * 3, 3)), classes[r]);
        }
        Assert.Equal(batch, rows);
    }

    [Fact]
    public void Regression_batches_are_on_the_targets_scale()
    {
        var data = Persistence.ModelFiles.Data(TaskKind.Regression, 7, 2, rows: 300, seed: 4);
        float[] batch = Regressor.Predict(data);
        Span<float> row = stackalloc float[2];
        for (int r = 0; r < data.Count; r++)
        {
            Regressor.Predict(data.GetRow(r), row);
            AssertClose(row, batch.AsSpan(r * 2, 2), Regressor.TargetStandardization!.Scales.ToArray().Max());
        }
    }

    [Fact]
    public void Many_threads_share_one_loaded_model()
    {
        var model = Persistence.ModelFiles.Load(Persistence.ModelFiles.Bytes(Classifier));
        var data = Persistence.ModelFiles.Data(TaskKind.Classification, 7, 3, rows: 400, seed: 8);
        float[] expected = model.Predict(data);
        float[][] single = Enumerable.Range(0, data.Count).Select(r => model.PredictProbabilities(data.GetRow(r))).ToArray();

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 25; round++)
            {
                int r = (t * 31 + round * 7) % data.Count;
                if (!model.PredictProbabilities(data.GetRow(r)).AsSpan().SequenceEqual(single[r])) failures.Add($"thread {t}, row {r}");
                if (!model.Predict(data).AsSpan().SequenceEqual(expected)) failures.Add($"thread {t}, batch {round}");
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
    }

    [Fact]
    public void The_input_width_is_checked_on_every_path()
    {
        var narrow = Persistence.ModelFiles.Data(TaskKind.Classification, 6, 3, rows: 4, seed: 1);
        Assert.Contains("takes 7 features a row, but the dataset has 6", Assert.Throws<ArgumentException>(() => Classifier.Predict(narrow)).Message);
        Assert.Throws<ArgumentException>(() => Classifier.PredictClasses(narrow));
        Assert.Throws<ArgumentException>(() => Classifier.Evaluate(narrow));
        Assert.Contains("13 values are not whole rows", Assert.Throws<ArgumentException>(() => Classifier.PredictBatch(new float[13], new float[6])).Message);
        Assert.Contains("2 rows give 6 outputs, but the destination holds 5", Assert.Throws<ArgumentException>(() => Classifier.PredictBatch(new float[14], new float[5])).Message);
        Assert.Contains("takes 7 features a row, but 8 were given", Assert.Throws<ArgumentException>(() => Classifier.PredictClass(new float[8])).Message);
        float[] rows = new float[14];
        rows[10] = float.PositiveInfinity;
        Assert.StartsWith("Row 1, feature 3 is Infinity", Assert.Throws<ArgumentException>(() => Classifier.PredictBatch(rows, new float[6])).Message);
        Assert.Throws<InvalidOperationException>(() => Regressor.PredictClasses(narrow));
    }

    /// <summary>Equal to 1e-6 of <paramref name="scale"/> (the targets' spread for regression: 1e-6 of a standardised unit).</summary>
    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double scale = 1)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * scale, $"{expected[i]} against {actual[i]}");
    }

    private static int ModelEvaluatorArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }

    [Fact]
    public void A_model_is_a_snapshot_of_the_network_it_was_made_from()
    {
        var network = new DenseNetwork(3, 2, TaskKind.Classification, 1, 4, seed: 2);
        var model = new TrainedModel(network, null);
        float[] before = model.PredictProbabilities([1f, 2f, 3f]);

        network.Parameters.Fill(0.5f);

        Assert.Equal(before, model.PredictProbabilities([1f, 2f, 3f]));
        Assert.NotSame(network, model.Network);
    }
}
