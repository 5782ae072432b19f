namespace HyperTune.Tests.Data;

/// <summary>The contract types a training run returns.</summary>
public class ResultTypesTests
{
    [Fact]
    public void Train_options_default_to_seed_0_no_progress_one_thread()
    {
        Assert.Equal((0, null, Environment.ProcessorCount), (TrainOptions.Default.Seed, TrainOptions.Default.Progress, TrainOptions.Default.Threads));
        Assert.Equal(TrainOptions.Default, new TrainOptions());
        Assert.Equal(7, (TrainOptions.Default with { Seed = 7 }).Seed);
        Assert.Equal(0, TrainOptions.Default.Seed); // with copies, never mutates the default
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Fewer_than_one_thread_is_rejected(int threads)
        => Assert.Equal("Threads", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainOptions { Threads = threads }).ParamName);

    [Fact]
    public void Stop_reasons_are_the_contract_s()
        => Assert.Equal(
            ["MaxEpochs", "EarlyStopping", "ValidationMonitor", "StopAtStep", "NaNLoss", "Pruned"],
            Enum.GetNames<StopReason>());

    [Theory]
    [InlineData(StopReason.MaxEpochs, false)]
    [InlineData(StopReason.EarlyStopping, false)]
    [InlineData(StopReason.ValidationMonitor, false)]
    [InlineData(StopReason.StopAtStep, false)]
    [InlineData(StopReason.NaNLoss, true)]
    [InlineData(StopReason.Pruned, false)]
    public void Only_a_NaN_loss_fails_the_run(StopReason reason, bool failed)
    {
        var result = new TrainingResult([], reason, null, null, new TrainedModel(new IdentityRegressor(1), null));
        Assert.Equal(failed, result.Failed);
    }

    [Fact]
    public void Training_result_keeps_what_it_was_given()
    {
        EpochRecord[] history = [new(0, 10, 0.1, 2.5, 2.0, 0.5), new(1, 20, 0.1, 1.5, 1.2, 0.7)];
        var model = new TrainedModel(new IdentityRegressor(1), null);
        var result = new TrainingResult(history, StopReason.EarlyStopping, 1, 1.2, model);

        Assert.Equal(history, result.History);
        history[0] = history[1];
        Assert.NotEqual(history, result.History); // a copy: the caller's array cannot change the result
        Assert.Equal((StopReason.EarlyStopping, (int?)1, (double?)1.2), (result.StopReason, result.BestEpoch, result.BestValidationLoss));
        Assert.Same(model, result.Model);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingResult(history, (StopReason)42, null, null, model));
    }

    [Fact]
    public void Epoch_records_compare_by_value()
    {
        Assert.Equal(new EpochRecord(3, 300, 0.01, 0.5, null, null), new EpochRecord(3, 300, 0.01, 0.5, null, null));
        Assert.NotEqual(new EpochRecord(3, 300, 0.01, 0.5, 0.4, null), new EpochRecord(3, 300, 0.01, 0.5, null, null));
    }
}
