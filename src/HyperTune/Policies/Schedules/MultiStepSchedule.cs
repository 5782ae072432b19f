using System.Collections.Generic;

namespace HyperTune.Policies.Schedules;

/// <summary>
/// PyTorch's <c>MultiStepLR</c>: at an epoch listed <c>k</c> times in <c>milestones</c> the rate is
/// multiplied by <c>gamma^k</c> (PyTorch keeps the milestones in a <c>Counter</c>, so a duplicate
/// cuts twice), with <c>get_lr</c>'s chainable arithmetic (<c>lr * gamma ** k</c>). A milestone 0
/// already cuts epoch 0, because PyTorch's constructor runs <c>get_lr</c> at <c>last_epoch = 0</c>.
/// </summary>
internal sealed class MultiStepSchedule : LearningRateSchedule
{
    private readonly Dictionary<int, int> _cutsAtEpoch;
    private readonly double _gamma;

    public MultiStepSchedule(double initialLearningRate, int[] milestones, double gamma)
        : this(initialLearningRate, CountCuts(milestones), gamma)
    {
    }

    private MultiStepSchedule(double initialLearningRate, Dictionary<int, int> cutsAtEpoch, double gamma)
        : base(DecayKind.MultiStep, initialLearningRate, Cut(initialLearningRate, cutsAtEpoch, 0, gamma))
    {
        _cutsAtEpoch = cutsAtEpoch;
        _gamma = gamma;
    }

    private protected override double Advance(double currentRate, int nextEpoch, double? monitoredValue) =>
        Cut(currentRate, _cutsAtEpoch, nextEpoch, _gamma);

    private static double Cut(double rate, Dictionary<int, int> cutsAtEpoch, int epoch, double gamma) =>
        cutsAtEpoch.TryGetValue(epoch, out int cuts) ? rate * System.Math.Pow(gamma, cuts) : rate;

    private static Dictionary<int, int> CountCuts(int[] milestones)
    {
        var counts = new Dictionary<int, int>();
        foreach (int milestone in milestones)
        {
            counts.TryGetValue(milestone, out int count);
            counts[milestone] = count + 1;
        }

        return counts;
    }
}
