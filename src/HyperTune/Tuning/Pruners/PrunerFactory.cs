using System;

namespace HyperTune.Tuning;

/// <summary>The pruner a <see cref="PrunerKind"/> stands for, configured from the study's options.</summary>
internal static class PrunerFactory
{
    /// <summary>Creates the pruner of a study, or <see langword="null"/> for <see cref="PrunerKind.None"/>.</summary>
    /// <param name="options">The study's options (kind, minimum and maximum resource, reduction factor).</param>
    /// <returns>The pruner.</returns>
    /// <exception cref="ArgumentException">Hyperband without a known maximum resource.</exception>
    public static IPruner? Create(TuneOptions options) => options.Pruner switch
    {
        PrunerKind.None => null,
        PrunerKind.Median => new MedianPruner(startupTrials: 5, warmupSteps: options.MinResource),
        PrunerKind.SuccessiveHalving => new SuccessiveHalvingPruner(options.MinResource, options.ReductionFactor),
        PrunerKind.Hyperband => new HyperbandPruner(
            options.MinResource,
            options.MaxResource ?? throw new ArgumentException("Hyperband needs TuneOptions.MaxResource, the largest budget a trial can use (the built-in objective sets it to the config's epochs).", nameof(options)),
            options.ReductionFactor),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Pruner, "Not a pruner kind."),
    };
}
