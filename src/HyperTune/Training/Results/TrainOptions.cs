using System;

namespace HyperTune;

/// <summary>
/// How a training run is carried out, apart from the hyperparameters (which the config holds).
/// Immutable: derive variants with <c>with</c>, for example <c>TrainOptions.Default with { Seed = 7 }</c>.
/// </summary>
public sealed record TrainOptions
{
    private readonly int _threads = Environment.ProcessorCount;

    /// <summary>Seed 0, no progress reports, up to <see cref="Environment.ProcessorCount"/> threads.</summary>
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
    /// The most threads a run may use, at least 1. Default <see cref="Environment.ProcessorCount"/>:
    /// a single run may use the machine. The run enters a <see cref="KernelThreads"/> scope with
    /// this count: the matrix products of large layers (above about 8 million multiply-adds, so
    /// 784-256-10 from batch 42 on), the batch gather of large batches and the update that follows
    /// a split step are split among the threads; smaller work stays on the calling thread, where
    /// threads would not pay (see docs/performance.md for what two threads gain). Results are bit-identical
    /// whatever the count (work is split by output, never by a sum). Runs open at the same time
    /// share the processors: a run gets at most what the others have not reserved, at least one
    /// thread. Trials run in parallel (a tuner's) should pass 1 each.
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
