namespace HyperTune.Policies.Schedules;

/// <summary>
/// PyTorch's <c>StepLR</c>: the rate is multiplied by <c>gamma</c> at every epoch that is a positive
/// multiple of <c>step_size</c>, with <c>get_lr</c>'s chainable arithmetic (<c>lr * gamma</c>), so
/// epoch <c>e</c> runs at <c>initial * gamma^(e / step_size)</c> rounded as PyTorch rounds it.
/// </summary>
internal sealed class StepSchedule : LearningRateSchedule
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepSchedule(double initialLearningRate, int stepSize, double gamma)
        : base(DecayKind.Step, initialLearningRate, initialLearningRate)
    {
        _stepSize = stepSize;
        _gamma = gamma;
    }

    // get_lr: `if last_epoch == 0 or last_epoch % step_size != 0: lr else lr * gamma`; nextEpoch >= 1 here.
    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue) =>
        nextEpoch % _stepSize != 0 ? currentRate : currentRate * _gamma;
}
