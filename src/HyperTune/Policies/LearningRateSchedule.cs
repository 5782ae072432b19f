using System;
using HyperTune.Policies.Schedules;

namespace HyperTune;

/// <summary>
/// The learning rate epoch by epoch, with the same values as the PyTorch scheduler of the same
/// kind (<c>torch/optim/lr_scheduler.py</c>): <see cref="LearningRate"/> is the rate of the epoch
/// about to run, and <see cref="EndEpoch"/> is PyTorch's <c>scheduler.step()</c>, called once after
/// each epoch. The generated training loop and hand-written loops use this same class.
/// </summary>
/// <remarks>
/// <para>As in PyTorch, creating the schedule already sets epoch 0's rate (<c>LinearLR</c> starts at
/// <c>initial * StartFactor</c>; a <c>MultiStepLR</c> milestone 0 cuts epoch 0), and a change made
/// by <see cref="EndEpoch"/> takes effect from the next epoch.</para>
/// <para><see cref="DecayKind.Step"/>, <see cref="DecayKind.MultiStep"/>, <see cref="DecayKind.Exponential"/>
/// and <see cref="DecayKind.LinearWarmup"/> update the rate with the arithmetic of PyTorch's
/// chainable <c>get_lr</c> (what <c>step()</c> runs), so the rates are the doubles PyTorch computes
/// (<c>pow</c> and <c>cos</c> come from the platform's libm on both sides).
/// <see cref="DecayKind.Cosine"/> evaluates PyTorch's closed form
/// (<c>CosineAnnealingLR._get_closed_form_lr</c>) at every epoch after epoch 0, unclamped past
/// <c>TMax</c> (the rate climbs back towards the initial rate over the next <c>TMax</c> epochs),
/// which equals <c>step()</c>'s recursive form up to rounding.
/// <see cref="DecayKind.ReduceOnPlateau"/> follows <c>ReduceLROnPlateau.step(metrics)</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// var schedule = LearningRateSchedule.Create(new LearningRateDecayAttribute(DecayKind.Step) { StepSize = 30 }, 0.1);
/// for (int epoch = 0; epoch &lt; 90; epoch++)
/// {
///     optimizer.LearningRate = schedule.LearningRate;
///     double validationLoss = TrainOneEpoch();
///     schedule.EndEpoch(validationLoss); // the value is only read by ReduceOnPlateau
/// }
/// </code>
/// </example>
public abstract class LearningRateSchedule
{
    private protected LearningRateSchedule(DecayKind kind, double initialLearningRate, double firstLearningRate)
    {
        Kind = kind;
        InitialLearningRate = initialLearningRate;
        LearningRate = firstLearningRate;
    }

    /// <summary>The kind of schedule.</summary>
    public DecayKind Kind { get; }

    /// <summary>The rate the schedule was created with (PyTorch's <c>base_lrs[0]</c> / <c>initial_lr</c>).</summary>
    public double InitialLearningRate { get; }

    /// <summary>
    /// The rate of the epoch about to run (the epoch numbered <see cref="Epoch"/>): what PyTorch's
    /// optimizer holds in <c>param_groups[0]["lr"]</c> after the constructor and
    /// <see cref="Epoch"/> calls of <c>scheduler.step()</c>.
    /// </summary>
    public double LearningRate { get; private set; }

    /// <summary>The number of epochs completed, that is of calls to <see cref="EndEpoch"/> (PyTorch's <c>last_epoch</c>).</summary>
    public int Epoch { get; private set; }

    /// <summary>
    /// Creates the schedule that <paramref name="decay"/> describes, starting from
    /// <paramref name="initialLearningRate"/>. Only the properties the kind reads are validated;
    /// the others are ignored.
    /// </summary>
    /// <param name="decay">The schedule, with PyTorch's parameters.</param>
    /// <param name="initialLearningRate">The optimiser's rate before scheduling (PyTorch's <c>lr</c>).</param>
    /// <returns>A schedule whose <see cref="LearningRate"/> is already the rate of epoch 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decay"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A parameter the kind reads cannot schedule: <paramref name="initialLearningRate"/> not finite and
    /// positive; <c>StepSize</c> &lt; 1; <c>Gamma</c> not finite and positive; a negative milestone;
    /// <c>TMax</c> &lt; 1; <c>StartFactor</c> outside (0, 1] or <c>EndFactor</c> outside [0, 1] (as
    /// PyTorch's <c>LinearLR</c>); <c>TotalEpochs</c> &lt; 1; <c>Factor</c> outside [0, 1) (PyTorch:
    /// "Factor should be &lt; 1.0."); a negative <c>Patience</c>, <c>Cooldown</c>, <c>Threshold</c>,
    /// <c>MinLearningRate</c> or <c>Eps</c>; an undefined enum value. The message names the parameter
    /// and its value.
    /// </exception>
    public static LearningRateSchedule Create(LearningRateDecayAttribute decay, double initialLearningRate)
    {
        if (decay is null) throw new ArgumentNullException(nameof(decay));
        if (!(initialLearningRate > 0) || double.IsInfinity(initialLearningRate))
            throw new ArgumentException(
                $"The initial learning rate must be finite and greater than 0, not {Format(initialLearningRate)}.",
                nameof(initialLearningRate));

        return decay.Kind switch
        {
            DecayKind.None => new ConstantSchedule(initialLearningRate),
            DecayKind.Step => new StepSchedule(
                initialLearningRate,
                AtLeastOne(decay.StepSize, nameof(decay.StepSize)),
                Positive(decay.Gamma, nameof(decay.Gamma))),
            DecayKind.MultiStep => new MultiStepSchedule(
                initialLearningRate,
                Milestones(decay.Milestones),
                Positive(decay.Gamma, nameof(decay.Gamma))),
            DecayKind.Exponential => new ExponentialSchedule(
                initialLearningRate,
                Positive(decay.Gamma, nameof(decay.Gamma))),
            DecayKind.Cosine => new CosineAnnealingSchedule(
                initialLearningRate,
                AtLeastOne(decay.TMax, nameof(decay.TMax)),
                NonNegative(decay.MinLearningRate, nameof(decay.MinLearningRate))),
            DecayKind.LinearWarmup => new LinearSchedule(
                initialLearningRate,
                InRange(decay.StartFactor, nameof(decay.StartFactor), lowOpen: true, "greater than 0 and at most 1"),
                InRange(decay.EndFactor, nameof(decay.EndFactor), lowOpen: false, "between 0 and 1"),
                AtLeastOne(decay.TotalEpochs, nameof(decay.TotalEpochs))),
            DecayKind.ReduceOnPlateau => new ReduceOnPlateauSchedule(initialLearningRate, PlateauSettings(decay)),
            _ => throw new ArgumentException(
                $"{nameof(decay.Kind)} = {decay.Kind} is not a {nameof(DecayKind)}.", nameof(decay)),
        };
    }

    /// <summary>
    /// Ends the epoch that just ran and moves <see cref="LearningRate"/> to the next epoch's rate,
    /// as PyTorch's <c>scheduler.step()</c> (<c>scheduler.step(metrics)</c> for ReduceOnPlateau).
    /// </summary>
    /// <param name="monitoredValue">
    /// The value ReduceOnPlateau watches (usually the validation loss) for the epoch that just ran;
    /// required by ReduceOnPlateau, ignored by the other kinds. NaN counts as a bad epoch, as in PyTorch.
    /// </param>
    /// <exception cref="ArgumentException">The kind is ReduceOnPlateau and <paramref name="monitoredValue"/> is <see langword="null"/>.</exception>
    public void EndEpoch(double? monitoredValue = null)
    {
        LearningRate = Advance(LearningRate, Epoch + 1, monitoredValue);
        Epoch++;
    }

    /// <summary>The rate of epoch <paramref name="nextEpoch"/>, given the rate of the epoch that just ended.</summary>
    private protected abstract double Advance(double currentRate, int nextEpoch, double? monitoredValue);

    private static ReduceOnPlateauSettings PlateauSettings(LearningRateDecayAttribute decay)
    {
        // PyTorch rejects factor >= 1 ("Factor should be < 1.0."); a negative factor would only
        // ever land on the floor, so it is rejected as the mistake it is.
        if (!(decay.Factor >= 0 && decay.Factor < 1))
            throw new ArgumentException(
                $"{nameof(decay.Factor)} must be at least 0 and less than 1 (PyTorch: \"Factor should be < 1.0.\"), not {Format(decay.Factor)}.",
                nameof(decay));
        if (decay.Mode is not (MonitorMode.Min or MonitorMode.Max))
            throw new ArgumentException($"{nameof(decay.Mode)} = {decay.Mode} is not a {nameof(MonitorMode)}.", nameof(decay));
        if (decay.ThresholdMode is not (ThresholdMode.Relative or ThresholdMode.Absolute))
            throw new ArgumentException($"{nameof(decay.ThresholdMode)} = {decay.ThresholdMode} is not a {nameof(HyperTune.ThresholdMode)}.", nameof(decay));
        return new ReduceOnPlateauSettings(
            decay.Factor,
            NonNegative(decay.Patience, nameof(decay.Patience)),
            NonNegative(decay.Threshold, nameof(decay.Threshold)),
            decay.ThresholdMode,
            NonNegative(decay.Cooldown, nameof(decay.Cooldown)),
            NonNegative(decay.MinLearningRate, nameof(decay.MinLearningRate)),
            decay.Mode,
            NonNegative(decay.Eps, nameof(decay.Eps)));
    }

    private static int[] Milestones(int[]? milestones)
    {
        if (milestones is null)
            throw new ArgumentException($"{nameof(LearningRateDecayAttribute.Milestones)} must not be null.", "decay");
        foreach (int milestone in milestones)
        {
            if (milestone < 0)
                throw new ArgumentException(
                    $"{nameof(LearningRateDecayAttribute.Milestones)} must be epochs (0 or more), not {milestone.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                    "decay");
        }

        return (int[])milestones.Clone();
    }

    private static int AtLeastOne(int value, string name) => value >= 1
        ? value
        : throw new ArgumentException($"{name} must be at least 1, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", "decay");

    private static int NonNegative(int value, string name) => value >= 0
        ? value
        : throw new ArgumentException($"{name} must be 0 or more, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", "decay");

    private static double Positive(double value, string name) => value > 0 && !double.IsInfinity(value)
        ? value
        : throw new ArgumentException($"{name} must be finite and greater than 0, not {Format(value)}.", "decay");

    private static double NonNegative(double value, string name) => value >= 0 && !double.IsInfinity(value)
        ? value
        : throw new ArgumentException($"{name} must be finite and 0 or more, not {Format(value)}.", "decay");

    private static double InRange(double value, string name, bool lowOpen, string range)
    {
        bool aboveLow = lowOpen ? value > 0 : value >= 0;
        return aboveLow && value <= 1
            ? value
            : throw new ArgumentException($"{name} must be {range}, not {Format(value)} (as PyTorch's LinearLR).", "decay");
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
