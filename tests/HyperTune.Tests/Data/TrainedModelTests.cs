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
