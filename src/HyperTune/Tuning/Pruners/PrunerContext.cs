using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>What a pruner may look at.</summary>
/// <param name="Trial">The trial being decided on, with the step it just reported among its intermediate values.</param>
/// <param name="Step">The step just reported.</param>
/// <param name="Trials">Every trial of the study in number order (the trial itself included, in its stored state), all brackets.</param>
/// <param name="Direction">Whether lower or higher values are better.</param>
/// <param name="MaxResource">The largest budget (step) a trial can reach, when known.</param>
internal sealed record PrunerContext(
    TrialRecord Trial,
    int Step,
    IReadOnlyList<TrialRecord> Trials,
    Direction Direction,
    int? MaxResource)
{
    /// <summary>A value turned so that lower is better whatever the direction.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value when minimising, its negation when maximising.</returns>
    public double Score(double value) => Direction == Direction.Minimize ? value : -value;
}
