using System;
using System.Runtime.CompilerServices;

namespace HyperTune.Network;

/// <summary>
/// A zeroed array on the pinned object heap whose usable part starts on a 64-byte boundary, so every
/// Vector512 load of a row that starts at a multiple of 16 floats stays within one cache line.
/// Pinned once for the run: kernels take pointers without a <c>fixed</c> per call. The array comes
/// from <see cref="ScratchPool{T}"/> and goes back there when its owner is done with it
/// (<see cref="Recycle"/>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class AlignedBuffer<T>
    where T : unmanaged
{
    private const int Alignment = 64;
    private T[]? _array;
    private readonly int _offset;

    /// <summary>Takes room for <paramref name="length"/> elements, all zero.</summary>
    public unsafe AlignedBuffer(int length)
    {
        int slack = Alignment / sizeof(T);
        _array = ScratchPool<T>.Rent(length + slack, out bool fresh);
        nuint address = (nuint)Unsafe.AsPointer(ref _array[0]);
        nuint misalignment = address % Alignment;
        _offset = misalignment == 0 ? 0 : (int)((Alignment - misalignment) / (nuint)sizeof(T));
        Length = length;
        if (!fresh) Span.Clear();
    }

    /// <summary>Elements usable.</summary>
    public int Length { get; }

    /// <summary>The usable elements.</summary>
    /// <exception cref="ObjectDisposedException">The buffer was recycled.</exception>
    public Span<T> Span => (_array ?? throw Recycled()).AsSpan(_offset, Length);

    /// <summary>
    /// Hands the array back to the pool for another run. The owner calls it once it is done: any later
    /// use of this buffer throws rather than reads memory someone else now owns.
    /// </summary>
    public void Recycle()
    {
        T[]? array = _array;
        _array = null;
        if (array is not null) ScratchPool<T>.Return(array);
    }

    private static ObjectDisposedException Recycled()
        => new(nameof(AlignedBuffer<T>), "This buffer's memory was handed back for another training run once the run that owned it ended.");
}
