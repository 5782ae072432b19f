using System;

namespace HyperTune.Policies.Schedules;

/// <summary>
/// PyTorch's <c>CosineAnnealingLR</c> in its closed form (<c>_get_closed_form_lr</c>):
/// <c>eta_min + (base_lr - eta_min) * (1 + cos(pi * epoch / T_max)) / 2</c>, evaluated in that
/// order. It is not clamped at <c>T_max</c>: past it the cosine climbs back up, as PyTorch's does.
/// Epoch 0 runs at the initial rate exactly, as PyTorch's constructor leaves it.
/// </summary>
internal sealed class CosineAnnealingSchedule : LearningRateSchedule
{
    private readonly int _tMax;
    private readonly double _etaMin;

    public CosineAnnealingSchedule(double initialLearningRate, int tMax, double etaMin)
        : base(DecayKind.Cosine, initialLearningRate, initialLearningRate)
    {
        _tMax = tMax;
        _etaMin = etaMin;
    }

    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue) =>
        _etaMin + (InitialLearningRate - _etaMin) * (1 + Math.Cos(Math.PI * nextEpoch / _tMax)) / 2;
}
