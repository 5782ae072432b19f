namespace HyperTune.Tests.Policies;

/// <summary>
/// Parameters a schedule cannot run with are rejected when it is created, with an
/// <see cref="ArgumentException"/> that names the parameter and its value.
/// </summary>
public class LearningRateScheduleValidationTests
{
    public static TheoryData<LearningRateDecayAttribute, string, string> InvalidDecays => new()
    {
        { new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 0 }, "StepSize", "0" },
        { new LearningRateDecayAttribute(DecayKind.Step) { StepSize = -3 }, "StepSize", "-3" },
        { new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 3, Gamma = 0 }, "Gamma", "0" },
        { new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 3, Gamma = -0.5 }, "Gamma", "-0.5" },
        { new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 3, Gamma = double.NaN }, "Gamma", "NaN" },
        { new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [3, -1] }, "Milestones", "-1" },
        { new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = [3], Gamma = 0 }, "Gamma", "0" },
        { new LearningRateDecayAttribute(DecayKind.Exponential) { Gamma = 0 }, "Gamma", "0" },
        { new LearningRateDecayAttribute(DecayKind.Exponential) { Gamma = double.PositiveInfinity }, "Gamma", "Infinity" },
        { new LearningRateDecayAttribute(DecayKind.Cosine) { TMax = 0 }, "TMax", "0" },
        { new LearningRateDecayAttribute(DecayKind.Cosine) { TMax = 10, MinLearningRate = -1e-3 }, "MinLearningRate", "-0.001" },
        { new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 0 }, "StartFactor", "0" },
        { new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 1.1 }, "StartFactor", "1.1" },
        { new LearningRateDecayAttribute(DecayKind.LinearWarmup) { EndFactor = -0.1 }, "EndFactor", "-0.1" },
        { new LearningRateDecayAttribute(DecayKind.LinearWarmup) { EndFactor = 1.5 }, "EndFactor", "1.5" },
        { new LearningRateDecayAttribute(DecayKind.LinearWarmup) { TotalEpochs = 0 }, "TotalEpochs", "0" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Factor = 1.0 }, "Factor", "1" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Factor = 2.5 }, "Factor", "2.5" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Factor = -0.1 }, "Factor", "-0.1" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Patience = -1 }, "Patience", "-1" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Cooldown = -2 }, "Cooldown", "-2" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Threshold = -1e-4 }, "Threshold", "-0.0001" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { MinLearningRate = -1 }, "MinLearningRate", "-1" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Eps = double.NaN }, "Eps", "NaN" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Mode = (MonitorMode)5 }, "Mode", "5" },
        { new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { ThresholdMode = (ThresholdMode)9 }, "ThresholdMode", "9" },
        { new LearningRateDecayAttribute((DecayKind)42), "Kind", "42" },
    };

    [Theory]
    [MemberData(nameof(InvalidDecays))]
    public void Rejects_parameters_the_kind_cannot_run_with(LearningRateDecayAttribute decay, string parameter, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LearningRateSchedule.Create(decay, 0.1));
        Assert.Equal("decay", error.ParamName);
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Rejects_an_initial_rate_that_cannot_train(double initialLearningRate, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.None), initialLearningRate));
        Assert.Equal("initialLearningRate", error.ParamName);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null_settings_and_null_milestones()
    {
        Assert.Throws<ArgumentNullException>(() => LearningRateSchedule.Create(null!, 0.1));
        var error = Assert.Throws<ArgumentException>(() => LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.MultiStep) { Milestones = null! }, 0.1));
        Assert.Contains("Milestones", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_parameters_the_kind_reads_are_checked()
    {
        // A Step schedule ignores the plateau's Factor, even an invalid one.
        var schedule = LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 2, Factor = 5 }, 0.1);
        Assert.Equal(0.1, schedule.LearningRate);
    }

    [Fact]
    public void Accepts_the_boundaries_PyTorch_accepts()
    {
        // LinearLR: start_factor 1 and end_factor 0 are allowed; ReduceLROnPlateau: factor 0, patience 0.
        Assert.Equal(0.1, LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.LinearWarmup) { StartFactor = 1, EndFactor = 0 }, 0.1).LearningRate);
        var plateau = LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.ReduceOnPlateau) { Factor = 0, Patience = 0, MinLearningRate = 0.01 }, 0.1);
        plateau.EndEpoch(1);
        plateau.EndEpoch(2);
        Assert.Equal(0.01, plateau.LearningRate);
    }
}
