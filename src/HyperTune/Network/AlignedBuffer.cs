using System;
using System.Runtime.CompilerServices;

namespace HyperTune.Network;

/// <summary>
/// A zeroed array on the pinned object heap whose usable part starts on a 64-byte boundary, so every
/// Vector512 load of a row that starts at a multiple of 16 floats stays within one cache line.
/// Pinned once for the run: kernels take pointers without a <c>fixed</c> per call.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class AlignedBuffer<T>
    where T : unmanaged
{
    private const int Alignment = 64;
    private readonly T[] _array;
    private readonly int _offset;

    /// <summary>Allocates room for <paramref name="length"/> elements.</summary>
    public unsafe AlignedBuffer(int length)
    {
        int slack = Alignment / sizeof(T);
        _array = GC.AllocateArray<T>(length + slack, pinned: true);
        nuint address = (nuint)Unsafe.AsPointer(ref _array[0]);
        nuint misalignment = address % Alignment;
        _offset = misalignment == 0 ? 0 : (int)((Alignment - misalignment) / (nuint)sizeof(T));
        Length = length;
    }

    /// <summary>Elements usable.</summary>
    public int Length { get; }

    /// <summary>The usable elements.</summary>
    public Span<T> Span => _array.AsSpan(_offset, Length);
}
