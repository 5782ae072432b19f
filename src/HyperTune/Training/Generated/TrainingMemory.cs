using System;
using System.ComponentModel;
using HyperTune.Network;

namespace HyperTune.Generated;

/// <summary>
/// Hands the large buffers of a finished training run (the network's parameters, gradients and
/// activations, the optimiser's state, the batch) back to the library, so that the next run, the next
/// trial of a study or the next call of a loop, reuses them instead of having the operating system
/// fault in fresh memory page by page. Called by the generated <c>Train</c> methods on the objects
/// they made themselves; not meant to be called directly.
/// </summary>
/// <remarks>
/// An object handed back is unusable: any later use of its buffers throws
/// <see cref="ObjectDisposedException"/>. Objects of other types (an optimiser or a model of your
/// own) are left as they are. Buffers not handed back are collected as usual.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TrainingMemory
{
    /// <summary>Hands back the state of a built-in optimiser the run made; it must not step again.</summary>
    /// <param name="optimizer">The optimiser.</param>
    public static void Recycle(IOptimizer optimizer)
        => (optimizer as IRecyclable)?.Recycle();

    /// <summary>Hands back a sampler's row order and batch buffer; it must not be used again.</summary>
    /// <param name="sampler">The sampler.</param>
    public static void Recycle(MiniBatchSampler sampler)
        => (sampler as IRecyclable)?.Recycle();

    /// <summary>
    /// An array for a snapshot of <paramref name="length"/> weights (the best epoch's, kept for
    /// restoring): at least that long, its contents undefined until the caller writes them.
    /// </summary>
    /// <param name="length">Weights to hold.</param>
    /// <returns>The array; only its first <paramref name="length"/> elements are the snapshot's.</returns>
    public static float[] RentWeights(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return ScratchPool<float>.Rent(length, out _);
    }

    /// <summary>Hands back an array from <see cref="RentWeights"/> (nothing when null); it must not be used again.</summary>
    /// <param name="weights">The array.</param>
    public static void Recycle(float[]? weights)
    {
        if (weights is not null) ScratchPool<float>.Return(weights);
    }

    /// <summary>Hands back every buffer of a <see cref="DenseNetwork"/> the run made (a model of the run's result holds a copy of its weights); it must not be used again.</summary>
    /// <param name="model">The network.</param>
    public static void Recycle(ITrainableModel model)
        => (model as IRecyclable)?.Recycle();
}
