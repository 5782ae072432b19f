using System;

namespace HyperTune;

/// <summary>
/// What an objective gets besides the config: the trial's number and seed, and a way to report
/// intermediate values (a validation loss per epoch, say) and learn whether the pruner wants the
/// trial stopped. Thread-safe for one trial's objective.
/// </summary>
public sealed class TrialContext
{
    private readonly Func<int, double, bool> _report;
    private volatile bool _shouldPrune;

    internal TrialContext(int number, int seed, Func<int, double, bool> report)
    {
        Number = number;
        Seed = seed;
        _report = report;
    }

    /// <summary>The trial's number in its study: 0-based and dense.</summary>
    public int Number { get; }

    /// <summary>
    /// The trial's seed, derived from the study's seed and <see cref="Number"/>: seed the objective's own
    /// randomness (the built-in objective passes it as <see cref="TrainOptions.Seed"/>) for a reproducible study.
    /// </summary>
    public int Seed { get; }

    /// <summary>
    /// Whether the pruner decided, at the last <see cref="Report"/>, that this trial should stop. An
    /// objective that sees <see langword="true"/> returns at once (any value; the study records the last
    /// reported one) or throws <see cref="OperationCanceledException"/>; the trial is recorded pruned.
    /// </summary>
    public bool ShouldPrune => _shouldPrune;

    /// <summary>The last step reported, or <see langword="null"/> before the first report.</summary>
    public int? LastStep { get; private set; }

    /// <summary>The value of the last report: a pruned trial's recorded value.</summary>
    internal double? LastValue { get; private set; }

    /// <summary>
    /// Records an intermediate value of the objective at a step (an epoch, an iteration: the budget the
    /// trial has used so far, counted from 1) and asks the pruner about it.
    /// </summary>
    /// <param name="step">The budget used so far, at least 1; steps should increase.</param>
    /// <param name="value">The value at that step, in the study's direction.</param>
    /// <returns>Whether the trial should stop now (the same as <see cref="ShouldPrune"/> afterwards).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is below 1, or <paramref name="value"/> is NaN.</exception>
    public bool Report(int step, double value)
    {
        if (step < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Steps count the budget used, from 1.");
        }

        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An intermediate value cannot be NaN.");
        }

        LastStep = step;
        LastValue = value;
        bool prune = _report(step, value);
        _shouldPrune = prune;
        return prune;
    }

    /// <summary>
    /// Reports a training epoch of the generated loop: its validation loss at step <c>Epoch + 1</c>.
    /// The generated <c>Train</c> calls this when <see cref="TrainOptions.Trial"/> is set and stops with
    /// <see cref="StopReason.Pruned"/> when it returns <see langword="true"/>.
    /// </summary>
    /// <param name="record">The epoch just trained.</param>
    /// <returns>Whether training should stop now.</returns>
    public bool ReportEpoch(EpochRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.ValidationLoss is double loss && !double.IsNaN(loss) && Report(record.Epoch + 1, loss);
    }
}
