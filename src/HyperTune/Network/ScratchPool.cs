using System;
using System.Collections.Generic;
using System.Numerics;

namespace HyperTune.Network;

/// <summary>
/// Pinned arrays handed back by finished training runs, for the next run to take instead of fresh
/// memory. Why: every run needs the same few large buffers (parameters, gradients, optimiser
/// moments, the batch), and the collector serves a new pinned array from memory the operating system
/// has to fault in page by page: on a 784-256-10 network about 1,200 faults a call, 8-12 ms here
/// against 40-60 ms of training. A reused array costs one clear of the part used.
/// </summary>
/// <remarks>
/// <para>Arrays are grouped in size classes (four a power of two, so a class is at most 25 % larger
/// than the request) and held weakly: the pool never keeps memory the collector wants back, and an
/// array survives in it until the next full collection (pinned arrays live in the oldest generation,
/// so younger collections leave them alone). Arrays under <see cref="MinPooledLength"/> elements are
/// not pooled: they cost a page or two.</para>
/// <para>Only code that owns an array outright may return it, once, and must not touch it after:
/// <see cref="AlignedBuffer{T}.Recycle"/> enforces both for the buffers built on it.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal static class ScratchPool<T>
    where T : unmanaged
{
    /// <summary>Requests of fewer elements get an exact, unpooled array.</summary>
    public const int MinPooledLength = 1024;

    /// <summary>Arrays kept a class: more than the buffers of a few concurrent runs never helps.</summary>
    private const int MaxPerClass = 32;

    private const int StepsPerDoubling = 4;

    private static readonly Stack<WeakReference<T[]>>[] s_classes = CreateClasses();

    [ThreadStatic] private static int t_returned;
    [ThreadStatic] private static int t_reused;

    /// <summary>Arrays this thread has handed back to the pool (a run recycles on its own thread, so tests can count exactly).</summary>
    internal static int ReturnedOnThisThread => t_returned;

    /// <summary>Pooled arrays this thread has taken again.</summary>
    internal static int ReusedOnThisThread => t_reused;

    /// <summary>An array of at least <paramref name="length"/> elements; pooled ones are not cleared.</summary>
    /// <param name="length">Elements needed.</param>
    /// <param name="fresh">Whether the array is new (zeroed) rather than reused (any contents).</param>
    public static T[] Rent(int length, out bool fresh)
    {
        fresh = true;
        if (length < MinPooledLength) return GC.AllocateArray<T>(length, pinned: true);
        int index = ClassOf(length);
        int size = ClassSize(index);
        if (size < length) size = Array.MaxLength; // only past the last class
        Stack<WeakReference<T[]>> pooled = s_classes[index];
        lock (pooled)
        {
            while (pooled.TryPop(out WeakReference<T[]>? reference))
            {
                if (reference.TryGetTarget(out T[]? array) && array.Length >= length)
                {
                    fresh = false;
                    t_reused++;
                    return array;
                }
            }
        }

        return GC.AllocateArray<T>(size, pinned: true);
    }

    /// <summary>Hands <paramref name="array"/> back: the caller owned it and never touches it again.</summary>
    public static void Return(T[] array)
    {
        if (array.Length < MinPooledLength) return;
        Stack<WeakReference<T[]>> pooled = s_classes[ClassOf(array.Length)];
        lock (pooled)
        {
            if (pooled.Count >= MaxPerClass) return;
            pooled.Push(new WeakReference<T[]>(array));
        }

        t_returned++;
    }

    /// <summary>The class of the smallest size class that holds <paramref name="length"/> elements.</summary>
    internal static int ClassOf(int length)
    {
        int power = BitOperations.Log2((uint)length); // 2^power <= length < 2^(power + 1)
        int step = (int)(((long)length - (1L << power)) * StepsPerDoubling >> power); // 0..3: the step at or below length
        long below = (1L << power) + ((long)step << power) / StepsPerDoubling;
        int index = (power * StepsPerDoubling) + step;
        return below == length ? index : index + 1;
    }

    /// <summary>The elements an array of class <paramref name="index"/> has (capped at <see cref="Array.MaxLength"/>).</summary>
    internal static int ClassSize(int index)
    {
        int power = index / StepsPerDoubling;
        int step = index % StepsPerDoubling;
        long size = (1L << power) + ((long)step << power) / StepsPerDoubling;
        return (int)Math.Min(size, Array.MaxLength);
    }

    private static Stack<WeakReference<T[]>>[] CreateClasses()
    {
        var classes = new Stack<WeakReference<T[]>>[(31 * StepsPerDoubling) + 1];
        for (int i = 0; i < classes.Length; i++) classes[i] = new Stack<WeakReference<T[]>>();
        return classes;
    }
}
