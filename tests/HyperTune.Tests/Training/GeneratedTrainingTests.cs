namespace HyperTune.Tests.Training;

using HyperTune.Tests.Data;

/// <summary>
/// The generated <c>Train</c> methods, run on real data and on scripted models: what they learn,
/// and that each policy the config fixes acts exactly as the runtime policy it is built on.
/// </summary>
public class GeneratedTrainingTests
{
    [Fact]
    public void Digits_reach_95_percent_validation_and_test_accuracy()
    {
        var (trainAndValidation, test) = TestData.Digits().Split(0.8, seed: 1);
        var (train, validation) = trainAndValidation.Split(0.8, seed: 2);

        var result = new DigitsConfig().Train(train, validation, new TrainOptions { Seed = 3 });

        Assert.NotNull(result.BestEpoch);
        Assert.True(result.History[result.BestEpoch!.Value].ValidationAccuracy >= 0.95, Describe(result));
        Assert.True(result.Model.Evaluate(test).Accuracy >= 0.95, $"test accuracy {result.Model.Evaluate(test).Accuracy}");
        Assert.Contains(result.StopReason, new[] { StopReason.EarlyStopping, StopReason.MaxEpochs });
    }

    [Fact]
    public void Restored_model_is_the_best_epochs_model()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 4);
        var result = new DigitsConfig { Epochs = 40 }.Train(train, validation, new TrainOptions { Seed = 5 });

        // RestoreBestWeights: the returned model scores the best epoch's validation loss, not the last one's.
        double best = result.History[result.BestEpoch!.Value].ValidationLoss!.Value;
        Assert.Equal(best, result.Model.Evaluate(validation).Loss, 5);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_history()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 6);
        var config = new DigitsConfig { Epochs = 3 };
        var first = config.Train(train, validation, new TrainOptions { Seed = 7 });
        var second = config.Train(train, validation, new TrainOptions { Seed = 7 });
        var other = config.Train(train, validation, new TrainOptions { Seed = 8 });

        Assert.Equal(first.History, second.History);
        Assert.NotEqual(first.History, other.History);
    }

    [Fact]
    public void Learning_rate_per_epoch_follows_the_step_decay()
    {
        var (train, validation) = TestData.Digits().Split(0.8, seed: 9);
        var config = new DigitsConfig { Epochs = 45, LearningRate = 0.001 };
        var result = config.Train(train, null);

        // [LearningRateDecay(Step, StepSize = 20, Gamma = 0.5)], no validation so no early stopping.
        Assert.Equal(45, result.History.Count);
        Assert.Equal(StopReason.MaxEpochs, result.StopReason);
        var schedule = LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 20, Gamma = 0.5 }, 0.001);
        foreach (var record in result.History)
        {
            Assert.Equal(schedule.LearningRate, record.LearningRate);
            schedule.EndEpoch();
        }

        Assert.Equal(0.001 * 0.5 * 0.5, result.History[44].LearningRate, 15);
        Assert.Null(result.BestEpoch);
        Assert.Null(result.History[0].ValidationLoss);
    }

    [Fact]
    public void Xor_is_learned()
    {
        var xor = Dataset.Classification(new[] { new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f } }, new[] { 0, 1, 1, 0 });
        var result = new XorConfig().Train(xor, xor, new TrainOptions { Seed = 1 });

        Assert.Equal(1.0, result.Model.Evaluate(xor).Accuracy);
        Assert.Equal(0, result.Model.PredictClass(new[] { 1f, 1f }));
        Assert.Equal(1, result.Model.PredictClass(new[] { 0f, 1f }));
    }

    [Fact]
    public void Long_sizes_train_and_an_int_overflow_is_caught()
    {
        var xor = Dataset.Classification(new[] { new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f } }, new[] { 0, 1, 1, 0 });
        var result = new LongSizesConfig().Train(xor);
        Assert.Equal(5, result.History.Count);
        Assert.Equal(10, result.History[^1].Step); // 4 rows at batch 2: 2 steps an epoch
        Assert.Throws<OverflowException>(() => new LongSizesConfig { BatchSize = long.MaxValue }.Train(xor));
    }

    [Fact]
    public void Diabetes_regression_beats_the_mean()
    {
        var (train, validation) = TestData.Diabetes().Split(0.8, seed: 1);
        var result = new RegressionConfig().Train(train, validation, new TrainOptions { Seed = 2 });

        double mean = 0;
        foreach (float t in train.Targets) mean += t;
        mean /= train.Count;
        double baseline = 0;
        foreach (float t in validation.Targets) baseline += (t - mean) * (t - mean);
        baseline /= validation.Count;

        double mse = result.Model.Evaluate(validation).Loss;
        Assert.True(1 - mse / baseline > 0.3, $"R² = {1 - mse / baseline:F3} (MSE {mse:F1}, predicting the mean {baseline:F1})");
        Assert.Null(result.History[0].ValidationAccuracy);
    }

    [Fact]
    public void Nan_loss_stops_and_fails_the_run()
    {
        var (train, _) = TestData.Diabetes().Split(0.8, seed: 1);
        var result = new MinimalConfig { LearningRate = 1e30 }.Train(train);

        Assert.Equal(StopReason.NaNLoss, result.StopReason);
        Assert.True(result.Failed);
        Assert.True(double.IsNaN(result.History[^1].TrainLoss) || double.IsInfinity(result.History[^1].TrainLoss));
    }

    [Fact]
    public void Nan_guard_switched_off_keeps_training()
    {
        var model = new ScriptedModel(new[] { 1.0 }, trainingLoss: _ => float.NaN);
        var data = ScriptedModel.Data(10);
        var result = new UnguardedConfig().Train(model, data, options: new TrainOptions());

        Assert.Equal(StopReason.MaxEpochs, result.StopReason);
        Assert.Equal(3, result.History.Count);
        Assert.False(result.Failed);
    }

    [Fact]
    public void Cancellation_throws_before_the_next_step()
    {
        using var cancellation = new CancellationTokenSource();
        var (train, validation) = TestData.Digits().Split(0.8, seed: 1);
        var epochs = new List<EpochRecord>();
        var progress = new SynchronousProgress(record => { epochs.Add(record); if (record.Epoch == 1) cancellation.Cancel(); });

        var thrown = Assert.ThrowsAny<OperationCanceledException>(
            () => new DigitsConfig().Train(train, validation, new TrainOptions { Progress = progress }, cancellation.Token));

        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        Assert.Equal(2, epochs.Count); // no step ran after the cancellation
    }

    [Fact]
    public void Stop_at_step_ends_on_that_step()
    {
        var (train, _) = TestData.Digits().Split(0.5, seed: 1);
        var result = new MonitoredConfig().Train(train);

        // [StopAtStep(300)]: 899 rows at batch 16 is 57 steps an epoch, so step 300 falls mid-epoch 5.
        Assert.Equal(StopReason.StopAtStep, result.StopReason);
        Assert.Equal(300, result.History[^1].Step);
        Assert.Equal(6, result.History.Count);
    }

    [Fact]
    public void Validation_monitor_stops_after_its_rounds_without_improvement()
    {
        // [ValidationMonitor(50, 200)] fires at steps 50, 100, 150, ...: the best is at step 100,
        // and 200 steps later (step 300) would also be StopAtStep; make the run long enough first.
        var losses = new[] { 1.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1 };
        var model = new ScriptedModel(losses);
        var data = ScriptedModel.Data(16); // one step an epoch at batch 16: an epoch evaluation after each step too
        var result = new MonitorOnlyConfig().Train(model, data, data);

        var reference = new ValidationMonitorState(new ValidationMonitorAttribute(2, 4));
        long expectedStop = 0;
        int evaluation = 0;
        for (long step = 1; step < 100 && expectedStop == 0; step++)
        {
            if (reference.ShouldEvaluate(step))
            {
                // Each step is an epoch here: the monitor's evaluation comes before the epoch's own.
                if (reference.Evaluate(step, losses[Math.Min(evaluation, losses.Length - 1)])) expectedStop = step;
                evaluation++;
            }

            evaluation++; // the end-of-epoch evaluation
        }

        Assert.Equal(StopReason.ValidationMonitor, result.StopReason);
        Assert.Equal(expectedStop, result.History[^1].Step);
    }

    [Fact]
    public void Early_stopping_follows_keras_and_restores_the_best_weights()
    {
        // Patience 2: best at epoch 1, no improvement at 2 and 3, so Keras stops at epoch 3.
        var model = new ScriptedModel(new[] { 1.0, 0.5, 0.6, 0.7, 0.1 });
        var data = ScriptedModel.Data(8);
        var result = new EarlyStoppingOnlyConfig().Train(model, data, data);

        Assert.Equal(StopReason.EarlyStopping, result.StopReason);
        Assert.Equal(4, result.History.Count);
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(0.5, result.BestValidationLoss!.Value, 6);
        // SGD moved the parameter by lr = 0.25 each step, 2 steps an epoch: the best epoch ended at 2 x 2 x 0.25.
        Assert.Equal(1.0f, model.Parameters[0]);
    }

    [Fact]
    public void Values_that_cannot_train_are_rejected_and_out_of_bounds_ones_train()
    {
        var data = ScriptedModel.Data(8);
        var zeroRate = Assert.Throws<ArgumentException>(() => new EarlyStoppingOnlyConfig { LearningRate = 0 }.Train(new ScriptedModel(new[] { 1.0 }), data));
        Assert.Equal("LearningRate", zeroRate.ParamName);
        var zeroBatch = Assert.Throws<ArgumentException>(() => new DigitsConfig { BatchSize = 0 }.Train(TestData.Digits()));
        Assert.Equal("BatchSize", zeroBatch.ParamName);
        var noEpochs = Assert.Throws<ArgumentException>(() => new MinimalConfig { Epochs = 0 }.Train(data));
        Assert.Equal("Epochs", noEpochs.ParamName);

        // 0.9 is above the tuned bounds [0.001, 0.5]: tuning bounds do not limit training.
        var result = new EarlyStoppingOnlyConfig { LearningRate = 0.9 }.Train(new ScriptedModel(new[] { 1.0 }), data);
        Assert.Equal(StopReason.MaxEpochs, result.StopReason);
    }

    [Fact]
    public void A_model_that_does_not_fit_the_data_is_rejected()
    {
        var wide = Dataset.Classification(new[] { new[] { 1f, 2f } }, new[] { 0 }, classCount: 2);
        var error = Assert.Throws<ArgumentException>(() => new EarlyStoppingOnlyConfig().Train(new ScriptedModel(new[] { 1.0 }), wide));
        Assert.Equal("train", error.ParamName);
    }

    private static string Describe(TrainingResult result) =>
        string.Join("\n", result.History.Select(r => $"{r.Epoch}: loss {r.TrainLoss:F4} val {r.ValidationLoss:F4} acc {r.ValidationAccuracy:F4}"));

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }
}
