namespace HyperTune.Policies.Schedules;

/// <summary><see cref="DecayKind.None"/>: the initial rate for every epoch.</summary>
internal sealed class ConstantSchedule : LearningRateSchedule
{
    public ConstantSchedule(double initialLearningRate)
        : base(DecayKind.None, initialLearningRate, initialLearningRate)
    {
    }

    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue) => currentRate;
}
