namespace HyperTune.Policies.Schedules;

/// <summary>
/// PyTorch's <c>LinearLR</c>: epoch 0 runs at <c>initial * start_factor</c>, and the factor moves
/// linearly to <c>end_factor</c>, reached at epoch <c>total_iters</c> and kept after it. The rate
/// follows <c>get_lr</c>'s chainable arithmetic:
/// <c>lr * (1 + (end - start) / (total_iters * start + (epoch - 1) * (end - start)))</c>.
/// </summary>
internal sealed class LinearSchedule : LearningRateSchedule
{
    private readonly double _startFactor;
    private readonly double _endFactor;
    private readonly int _totalEpochs;

    public LinearSchedule(double initialLearningRate, double startFactor, double endFactor, int totalEpochs)
        : base(DecayKind.LinearWarmup, initialLearningRate, initialLearningRate * startFactor)
    {
        _startFactor = startFactor;
        _endFactor = endFactor;
        _totalEpochs = totalEpochs;
    }

    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue)
    {
        if (nextEpoch > _totalEpochs) return currentRate;
        return currentRate
            * (1.0 + (_endFactor - _startFactor)
                / (_totalEpochs * _startFactor + (nextEpoch - 1) * (_endFactor - _startFactor)));
    }
}
