using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>What a sampler may look at when it proposes a trial.</summary>
/// <param name="Space">The dimensions as the unit encoding lays them out.</param>
/// <param name="Trials">
/// The study's trials in number order, running ones included (the points other workers are
/// evaluating), filtered to the new trial's Hyperband bracket when there are brackets.
/// </param>
/// <param name="Direction">Whether lower or higher values are better; use <see cref="Score"/> to compare.</param>
/// <param name="Number">The new trial's number.</param>
/// <param name="Random">The new trial's own random stream, derived from the study's seed and <see cref="Number"/>.</param>
/// <param name="StartupTrials">Trials to draw at random before modelling (for model-based samplers).</param>
internal sealed record SamplerContext(
    UnitSpace Space,
    IReadOnlyList<TrialRecord> Trials,
    Direction Direction,
    int Number,
    Random Random,
    int StartupTrials)
{
    /// <summary>A finished trial's value turned so that lower is better whatever the direction.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value when minimising, its negation when maximising.</returns>
    public double Score(double value) => Direction == Direction.Minimize ? value : -value;
}
