namespace HyperTune.Tests.Training;

using HyperTune.Tests.Data;

/// <summary>The defects of issue 9, section 6, each probed as a user met it.</summary>
public class RuntimeDefectTests
{
    [Fact]
    public void The_readme_pattern_never_picks_a_diverged_rate()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 1);

        // README: .MinBy(trial => trial.result.BestValidationLoss), with no early stopping.
        var trials = new[] { 0.05, 10, 0.01 }
            .Select(rate => (rate, result: new MinimalConfig { LearningRate = rate, Epochs = 5 }.Train(train, validation)))
            .ToList();
        var best = trials.MinBy(trial => trial.result.BestValidationLoss);

        var diverged = trials.Single(t => t.rate == 10).result;
        Assert.True(diverged.Failed, $"lr 10 stopped by {diverged.StopReason}");
        Assert.Null(diverged.BestValidationLoss);
        Assert.NotEqual(10, best.rate);
        Assert.True(best.result.Model.Evaluate(validation).Accuracy > 0.9, $"picked lr {best.rate}");
    }

    [Fact]
    public void Best_epoch_counts_finite_validation_losses_only()
    {
        // Validation losses NaN, 1.0, +inf, 0.5, 0.7 over five epochs; no early stopping, NaN guard off.
        var model = new ScriptedModel([double.NaN, 1.0, double.PositiveInfinity, 0.5, 0.7]);
        var result = new UnguardedConfig { Epochs = 5 }.Train(model, ScriptedModel.Data(4), ScriptedModel.Data(4));

        Assert.Equal(3, result.BestEpoch);
        Assert.Equal(0.5, result.BestValidationLoss!.Value, 6);
    }

    [Fact]
    public void A_run_without_any_finite_validation_loss_has_no_best()
    {
        var model = new ScriptedModel([double.NaN]);
        var result = new UnguardedConfig().Train(model, ScriptedModel.Data(4), ScriptedModel.Data(4));

        Assert.Null(result.BestEpoch);
        Assert.Null(result.BestValidationLoss);
    }

    [Fact]
    public void A_result_never_reports_a_loss_that_is_not_finite_or_a_failed_run_s_loss()
    {
        var model = new TrainedModel(new IdentityRegressor(1), null);
        EpochRecord[] history = [new(0, 1, 0.1, 1, 0.4, null), new(1, 2, 0.1, double.NaN, double.NaN, null)];

        Assert.Null(new TrainingResult(history, StopReason.MaxEpochs, 1, double.NaN, model).BestEpoch);
        Assert.Null(new TrainingResult(history, StopReason.MaxEpochs, 1, double.NaN, model).BestValidationLoss);
        var failed = new TrainingResult(history, StopReason.NaNLoss, 0, 0.4, model);
        Assert.Equal((0, (double?)null), (failed.BestEpoch, failed.BestValidationLoss));
        Assert.Equal(0, TrainingResult.BestFiniteEpoch(history));
        Assert.Null(TrainingResult.BestFiniteEpoch([new(0, 1, 0.1, 1, null, null)]));
    }

    [Fact]
    public void Regression_targets_of_scale_1e5_train_out_of_the_box()
    {
        // The diabetes targets (25 to 346) times 1,000: SGD diverged on them at any rate before
        // targets were standardised.
        var diabetes = TestData.Diabetes();
        float[][] rows = Enumerable.Range(0, diabetes.Count).Select(r => diabetes.GetRow(r).ToArray()).ToArray();
        float[] targets = diabetes.Targets.ToArray().Select(t => t * 1000f).ToArray();
        var (train, validation) = Dataset.Regression(rows, targets).Split(0.8, seed: 1);

        var result = new MinimalConfig { LearningRate = 0.01, Epochs = 40 }.Train(train, validation);

        Assert.False(result.Failed, result.StopReason.ToString());
        double mean = train.Targets.ToArray().Average();
        double baseline = validation.Targets.ToArray().Average(t => (t - mean) * (t - mean));
        double mse = result.Model.Evaluate(validation).Loss;
        Assert.True(1 - mse / baseline > 0.3, $"R² = {1 - mse / baseline:F3}, RMSE {Math.Sqrt(mse):F0}");
        // Predictions are on the targets' scale, not the standardised one.
        float[] predictions = result.Model.Predict(validation);
        Assert.InRange(predictions.Average(), 0.5 * mean, 1.5 * mean);
        Assert.NotNull(result.Model.TargetStandardization);
        Assert.Equal(1, result.Model.TargetStandardization!.Means[0] / mean, 6);
    }

    [Fact]
    public void A_validation_set_that_does_not_fit_is_refused_before_the_first_epoch()
    {
        var (train, _) = TestData.Digits().Split(0.8, seed: 1);
        var epochs = 0;
        var options = new TrainOptions { Progress = new Counter(() => epochs++) };
        var twentyClasses = Dataset.Classification([new float[64], new float[64]], [0, 19]);
        var fewerFeatures = Dataset.Classification([new float[8], new float[8]], [0, 1]);
        var regression = Dataset.Regression([new float[64]], [1f]);

        var classes = Assert.Throws<ArgumentException>(() => new DigitsConfig().Train(train, twentyClasses, options));
        var features = Assert.Throws<ArgumentException>(() => new DigitsConfig().Train(train, fewerFeatures, options));
        var task = Assert.Throws<ArgumentException>(() => new DigitsConfig().Train(train, regression, options));

        Assert.All(new[] { classes, features, task }, e => Assert.Equal("validation", e.ParamName));
        Assert.Contains("tells 10 classes apart, but the validation set has 20", classes.Message);
        Assert.Contains("takes 64 features, but the validation set has 8", features.Message);
        Assert.Contains("the validation set is for Regression", task.Message);
        Assert.Equal(0, epochs);

        // The model overload checks too, before any step.
        var model = new ScriptedModel([1.0]);
        Assert.Equal("validation", Assert.Throws<ArgumentException>(() => new MinimalConfig().Train(model, ScriptedModel.Data(4), fewerFeatures)).ParamName);
        Assert.Equal(0, model.Evaluations);
    }

    [Theory]
    [InlineData(1e-50)]  // 0 as a float: trained nothing while the history said 1e-50
    [InlineData(1e300)]  // infinite as a float: passed the double check
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Learning_rates_that_are_0_or_infinite_as_floats_are_refused(double rate)
    {
        var error = Assert.Throws<ArgumentException>(() => new MinimalConfig { LearningRate = rate }.Train(ScriptedModel.Data(4)));
        Assert.Equal("LearningRate", error.ParamName);
        Assert.Contains("above 0 and finite as a float", error.Message);
    }

    [Fact]
    public void The_smallest_rates_a_float_holds_still_train()
    {
        var result = new MinimalConfig { LearningRate = 1e-30, Epochs = 1 }.Train(new ScriptedModel([1.0]), ScriptedModel.Data(4));
        Assert.Equal(1e-30, result.History[0].LearningRate);
    }

    [Fact]
    public void The_generated_model_records_the_config_and_the_search_space()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 1);
        var config = new DigitsConfig { Epochs = 2, HiddenUnits = 32, LearningRate = 0.004 };

        var metadata = config.Train(train, validation).Model.Metadata!;

        Assert.Equal(DigitsConfig.SearchSpace.Fingerprint, metadata.SearchSpaceFingerprint);
        Assert.Equal("0.004", metadata["LearningRate"]);
        Assert.Equal("32", metadata["HiddenUnits"]);
        Assert.Equal("Adam", metadata["Optimizer"]);
        Assert.Equal("2", metadata["Epochs"]);
        Assert.Equal(DigitsConfig.SearchSpace.Dimensions.Select(d => d.Name), metadata.Values.Take(DigitsConfig.SearchSpace.DimensionCount).Select(p => p.Key));
    }

    private sealed class Counter(Action count) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => count();
    }
}
