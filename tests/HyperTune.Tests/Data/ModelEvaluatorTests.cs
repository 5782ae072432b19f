using HyperTune.Tests.Infrastructure;

namespace HyperTune.Tests.Data;

/// <summary><see cref="ModelEvaluator"/> against hand-computed losses and accuracies.</summary>
public class ModelEvaluatorTests
{
    private static readonly float[][] Probabilities =
    [
        [0.7f, 0.2f, 0.1f], // label 0: right
        [0.1f, 0.6f, 0.3f], // label 2: wrong
        [0.25f, 0.25f, 0.5f], // label 2: right
        [1f, 0f, 0f], // label 1: wrong, and p = 0 is clamped to 1e-7
        [0.4f, 0.4f, 0.2f], // label 1: a tie goes to the first class, so wrong
    ];

    private static Dataset Rows(params int[] labels)
        => Dataset.Classification(labels.Select((_, i) => new[] { (float)i }).ToArray(), labels, classCount: 3);

    [Fact]
    public void Classification_loss_is_the_mean_clamped_cross_entropy_and_accuracy_the_argmax_hit_rate()
    {
        var model = new TableClassifier(Probabilities);
        var evaluator = new ModelEvaluator(model, chunkRows: 2);

        Evaluation result = evaluator.Evaluate(Rows(0, 2, 2, 1, 1));

        double expected = (-Math.Log(0.7) - Math.Log(0.3) - Math.Log(0.5) - Math.Log(1e-7) - Math.Log(0.4)) / 5;
        Assert.Equal(expected, result.Loss, 6);
        Assert.Equal(0.4, result.Accuracy);
        Assert.Equal([2, 2, 1], model.CallRows); // chunks of 2 rows, the last partial
    }

    [Fact]
    public void A_perfect_confident_model_has_zero_loss_and_full_accuracy()
    {
        var model = new TableClassifier([[1f, 0f], [0f, 1f]]);
        Evaluation result = new ModelEvaluator(model).Evaluate(Dataset.Classification([[0f], [1f], [1f]], [0, 1, 1]));
        Assert.Equal(new Evaluation(0, 1), result);
    }

    [Fact]
    public void NaN_outputs_give_a_NaN_loss()
    {
        var model = new TableClassifier([[float.NaN, float.NaN]]);
        Assert.True(double.IsNaN(new ModelEvaluator(model).Evaluate(Dataset.Classification([[0f]], [1])).Loss));
    }

    [Fact]
    public void Regression_loss_is_the_mean_squared_error_over_every_target_and_has_no_accuracy()
    {
        // Identity model: predictions are the features. Errors: (1-0)^2, (2-4)^2, (-1-(-1))^2, (3-0.5)^2.
        var data = Dataset.Regression([[1f, 2f], [-1f, 3f]], [[0f, 4f], [-1f, 0.5f]]);
        Evaluation result = new ModelEvaluator(new IdentityRegressor(2), chunkRows: 1).Evaluate(data);

        Assert.Equal((1 + 4 + 0 + 6.25) / 4, result.Loss, 12);
        Assert.Null(result.Accuracy);
    }

    [Fact]
    public void Standardising_evaluator_feeds_the_model_standardised_rows()
    {
        // Feature 1, 3 -> mean 2, scale 1 -> standardised -1, 1; the targets are 0: MSE = 1.
        var raw = Dataset.Regression([[1f], [3f]], [0f, 0f]);
        var evaluator = new ModelEvaluator(new IdentityRegressor(1), Standardization.Fit(raw));
        Assert.Equal(1.0, evaluator.Evaluate(raw).Loss, 12);
        Assert.Equal([1f, 3f], raw.Features.ToArray());
    }

    [Fact]
    public void Evaluating_every_epoch_allocates_nothing()
    {
        Dataset digits = TestData.Digits();
        var standardising = new ModelEvaluator(new UniformClassifier(64, 10), Standardization.Fit(digits));
        var plain = new ModelEvaluator(new UniformClassifier(64, 10), chunkRows: 100);
        Dataset regression = Dataset.Regression(
            Enumerable.Range(0, 300).Select(i => new[] { i * 0.5f, 1f }).ToArray(),
            Enumerable.Range(0, 300).Select(i => new[] { 1f, i * 0.25f }).ToArray());
        var regressor = new ModelEvaluator(new IdentityRegressor(2));
        double sink = standardising.Evaluate(digits).Loss + plain.Evaluate(digits).Loss + regressor.Evaluate(regression).Loss;

        long allocated = AllocationMeter.LeastAllocatedBytes(() =>
        {
            for (int epoch = 0; epoch < 3; epoch++)
                sink += standardising.Evaluate(digits).Loss + plain.Evaluate(digits).Loss + regressor.Evaluate(regression).Loss;
        });

        Assert.True(allocated == 0, $"{allocated} bytes allocated (sink {sink})");
        Assert.Equal(Math.Log(10), plain.Evaluate(digits).Loss, 6);
    }

    [Fact]
    public void Data_that_does_not_fit_the_model_is_rejected()
    {
        var evaluator = new ModelEvaluator(new TableClassifier(Probabilities));
        Assert.Contains("the dataset is for Regression", Assert.Throws<ArgumentException>(() => evaluator.Evaluate(Dataset.Regression([[0f]], [1f]))).Message);
        Assert.Contains("takes 1 features, but the dataset has 2", Assert.Throws<ArgumentException>(() => evaluator.Evaluate(Dataset.Classification([[0f, 0f]], [0]))).Message);
        Assert.Contains("tells 3 classes apart, but the dataset has 4", Assert.Throws<ArgumentException>(() => evaluator.Evaluate(Dataset.Classification([[0f]], [3]))).Message);
        var regressor = new ModelEvaluator(new IdentityRegressor(1));
        Assert.Contains("predicts 1 targets a row, but the dataset has 2", Assert.Throws<ArgumentException>(() => regressor.Evaluate(Dataset.Regression([[0f]], [[1f, 2f]]))).Message);
        Assert.Throws<ArgumentException>(() => new ModelEvaluator(new IdentityRegressor(2), Standardization.Fit(Dataset.Regression([[0f]], [0f]))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelEvaluator(new IdentityRegressor(1), chunkRows: 0));
    }
}
