using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>
/// One trial as a storage holds it and samplers and pruners read it: plain data, no config type.
/// Immutable; a storage hands out a new record when a trial changes.
/// </summary>
/// <param name="Number">0-based, dense within the study, never reused.</param>
/// <param name="State">Running, complete, pruned or failed.</param>
/// <param name="Unit">
/// The trial's point in the unit encoding, one coordinate per dimension of the study's current space;
/// <see cref="double.NaN"/> where the dimension is inactive (a conditional dimension whose condition
/// does not hold). Never modify.
/// </param>
/// <param name="Parameters">The trial's values by dimension, as invariant text (<see cref="ParameterText"/>): what survives a change of the space.</param>
/// <param name="Value">The objective's value (for a pruned trial its last reported value); <see langword="null"/> while running or when failed.</param>
/// <param name="IntermediateValues">Step → reported value, in step order.</param>
/// <param name="StartedAt">When the trial was asked for.</param>
/// <param name="CompletedAt">When it finished; <see langword="null"/> while running.</param>
/// <param name="Seed">The trial's seed, derived from the study's seed and the trial's number.</param>
/// <param name="ErrorMessage">Why a failed trial failed.</param>
/// <param name="GridIndex">The grid point a grid study gave this trial.</param>
/// <param name="Bracket">The Hyperband bracket the trial belongs to.</param>
/// <param name="RetryOf">The number of the interrupted trial whose point this trial retries.</param>
/// <param name="Interrupted">A failed trial that was interrupted (cancelled, its worker died) rather than failed by its objective: its point is retried.</param>
/// <param name="Worker">The worker that ran it.</param>
internal sealed record TrialRecord(
    int Number,
    TrialState State,
    double[] Unit,
    IReadOnlyDictionary<string, string> Parameters,
    double? Value,
    IReadOnlyDictionary<int, double> IntermediateValues,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int Seed,
    string? ErrorMessage,
    int? GridIndex,
    int? Bracket,
    int? RetryOf,
    bool Interrupted,
    string? Worker)
{
    /// <summary>Whether the trial counts towards the study's total: complete or pruned.</summary>
    public bool IsFinished => State is TrialState.Complete or TrialState.Pruned;
}
