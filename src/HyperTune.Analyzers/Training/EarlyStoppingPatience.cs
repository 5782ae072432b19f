using System;
using System.Threading;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Training;

/// <summary>
/// The early-stopping patience a code fix may write into a config without raising another rule:
/// small enough that stopping can happen before the last epoch (HT0005) and large enough that a
/// <c>ReduceOnPlateau</c> decay cuts the rate before early stopping gives up (HT0009).
/// </summary>
internal static class EarlyStoppingPatience
{
    /// <summary>Keras' documentation example and a common default: ten epochs without improvement.</summary>
    public const long Preferred = 10;

    private const int ReduceOnPlateau = 6;
    private const int DefaultPlateauPatience = 10;

    /// <summary>
    /// The smallest patience that lets the config's <c>ReduceOnPlateau</c> decay act first (it cuts
    /// after its patience + 1 bad epochs, so early stopping must wait at least one more); 1 without one.
    /// </summary>
    public static long Floor(INamedTypeSymbol type, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (KnownSymbols.Find(type, symbols.LearningRateDecay) is not { } decay)
        {
            return 1;
        }

        var arguments = AttributeArguments.For(decay, cancellationToken);
        if (Constants.AsInteger(arguments.Constructor("kind")) != ReduceOnPlateau)
        {
            return 1;
        }

        var plateauPatience = Constants.AsInteger(arguments.Named("Patience")) ?? DefaultPlateauPatience;
        return Math.Max(1, plateauPatience + 2);
    }

    /// <summary>
    /// A patience of at least <paramref name="floor"/> close to <paramref name="preferred"/> (but not
    /// above half of <paramref name="epochs"/>, so that stopping can save something) with which
    /// stopping can happen within <paramref name="epochs"/> (Keras' first possible stop is at epoch
    /// max(patience, 1)); <see langword="null"/> when none fits. Unknown epochs bound nothing.
    /// </summary>
    public static long? Fitting(long? epochs, long floor, long preferred)
    {
        if (epochs is not { } budget)
        {
            return Math.Max(floor, preferred);
        }

        var patience = Math.Max(floor, Math.Min(preferred, Math.Max(1, budget / 2)));
        return patience < budget ? patience : null;
    }
}
