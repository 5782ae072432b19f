namespace HyperTune.Tuning;

/// <summary>What a study decided a new trial is: its point and the bookkeeping that goes with it.</summary>
/// <param name="Unit">The point in the unit encoding (NaN where inactive), snapped to what the config decodes to.</param>
/// <param name="Parameters">The point's values by dimension name, as invariant text.</param>
/// <param name="Seed">The trial's seed.</param>
/// <param name="GridIndex">The grid point, for a grid study.</param>
/// <param name="Bracket">The Hyperband bracket.</param>
/// <param name="RetryOf">The interrupted trial whose point this retries.</param>
internal sealed record TrialProposal(
    double[] Unit,
    System.Collections.Generic.IReadOnlyDictionary<string, string> Parameters,
    int Seed,
    int? GridIndex,
    int? Bracket,
    int? RetryOf);
