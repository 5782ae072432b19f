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
        PrunerKind.Median => throw new NotSupportedException("Median lands with the pruners branch."),
        PrunerKind.SuccessiveHalving => throw new NotSupportedException("ASHA lands with the pruners branch."),
        PrunerKind.Hyperband => throw new NotSupportedException("Hyperband lands with the pruners branch."),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Pruner, "Not a pruner kind."),
    };
}
