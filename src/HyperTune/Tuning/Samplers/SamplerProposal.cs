namespace HyperTune.Tuning;

/// <summary>A sampler's answer: a point in the unit encoding, and for a grid the index of the grid point.</summary>
/// <param name="Unit">One coordinate in [0, 1] per dimension; inactive dimensions may hold anything.</param>
/// <param name="GridIndex">The grid point's index, for the grid sampler.</param>
internal sealed record SamplerProposal(double[] Unit, int? GridIndex = null);
