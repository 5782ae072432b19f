namespace HyperTune.Network;

/// <summary>
/// An object of a training run whose large buffers can go back to <see cref="ScratchPool{T}"/> when
/// the run that made it ends (<see cref="Generated.TrainingMemory"/>), so the next run reuses them
/// instead of faulting in fresh memory. After <see cref="Recycle"/> the object is unusable: any use
/// of a recycled buffer throws <see cref="System.ObjectDisposedException"/>.
/// </summary>
internal interface IRecyclable
{
    /// <summary>Hands the object's buffers back. Idempotent.</summary>
    void Recycle();
}
