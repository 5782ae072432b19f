namespace HyperTune.Policies.Schedules;

/// <summary>
/// PyTorch's <c>ExponentialLR</c>: the rate is multiplied by <c>gamma</c> after every epoch, with
/// <c>get_lr</c>'s chainable arithmetic (<c>lr * gamma</c>).
/// </summary>
internal sealed class ExponentialSchedule : LearningRateSchedule
{
    private readonly double _gamma;

    public ExponentialSchedule(double initialLearningRate, double gamma)
        : base(DecayKind.Exponential, initialLearningRate, initialLearningRate)
    {
        _gamma = gamma;
    }

    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue) => currentRate * _gamma;
}
