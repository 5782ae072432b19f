using System;

namespace HyperTune;

/// <summary>
/// How a training run is carried out, apart from the hyperparameters (which the config holds).
/// Immutable: derive variants with <c>with</c>, for example <c>TrainOptions.Default with { Seed = 7 }</c>.
/// </summary>
public sealed record TrainOptions
{
    private readonly int _threads = 1;

    /// <summary>Seed 0, no progress reports, one thread.</summary>
    public static TrainOptions Default { get; } = new();

    /// <summary>
    /// The seed of everything random in a run (initial weights, dropout, batch order). The same
    /// seed, data and config give bit-identical results on one thread and one instruction set: the
    /// AVX-512, AVX2 and portable kernels sum in different orders, so machines that differ in the
    /// instruction set the kernels use (see <c>DOTNET_EnableAVX512F</c>) agree only to the last
    /// bits of a float, and the runs may drift apart from there. Default 0: a fixed seed, so that a
    /// run is reproducible unless the caller asks otherwise.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Receives each epoch's record as soon as the epoch ends; null for none. Default null.</summary>
    public IProgress<EpochRecord>? Progress { get; init; }

    /// <summary>
    /// The most threads a run may use, at least 1. Default 1. Today every training loop and kernel
    /// runs on the calling thread whatever this says; larger values are accepted and reserved for
    /// parallel kernels, which will give up the bit-identical promise that holds on one thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Threads
    {
        get => _threads;
        init => _threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threads), value, "A run needs at least one thread.");
    }

    /// <summary>
    /// The tuning trial this run belongs to, or <see langword="null"/>: when set, the generated loop
    /// reports each epoch's validation loss to it (<see cref="TrialContext.ReportEpoch"/>) and stops with
    /// <see cref="StopReason.Pruned"/> when the study's pruner says so. Set it in your own objective to
    /// get pruning for a <c>Train</c> call; the built-in objective of <c>Tune</c> sets it for you.
    /// </summary>
    public TrialContext? Trial { get; init; }
}
