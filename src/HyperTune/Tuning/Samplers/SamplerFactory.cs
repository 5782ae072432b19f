using System;
using System.Collections.Generic;

namespace HyperTune.Tuning;

/// <summary>The sampler a <see cref="SamplerKind"/> stands for.</summary>
internal static class SamplerFactory
{
    /// <summary>Creates the sampler of a study.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="gridPoints">The grid's points in the unit encoding, in the grid's order (used by the grid sampler only).</param>
    /// <returns>The sampler.</returns>
    public static ISampler Create(SamplerKind kind, Func<IEnumerable<double[]>> gridPoints) => kind switch
    {
        SamplerKind.Random => new RandomSampler(),
        SamplerKind.Grid => new GridSampler(gridPoints()),
        SamplerKind.Tpe => new TpeSampler(),
        SamplerKind.GaussianProcess => new GaussianProcessSampler(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a sampler kind."),
    };
}
