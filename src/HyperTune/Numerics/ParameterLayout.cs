using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace HyperTune.Numerics;

/// <summary>
/// Where a model's weight matrices lie in its flat parameter array, and which of them its last step
/// split among threads, so that the optimiser's update that follows splits the same way: each
/// thread updates the rows of a matrix whose gradients its share of the weight-gradient product
/// computed (<see cref="Gemm"/> splits those products by rows).
/// </summary>
/// <remarks>
/// <para>Why: a split product leaves each thread's part of the gradient in that thread's cache. An
/// update on one thread then pulls half of the gradients (and of the weights the forward pass read)
/// from the other core: on the VM measured (two cores on different CCDs) the update of 784-256-10
/// took 58-150 µs after a split step instead of 20 µs. Split along the gradient's rows, each thread
/// reads its gradients, and its weights' optimiser state, from its own cache (10-11 µs alone).</para>
/// <para>A model declares its layout on the training thread after each forward and backward pass
/// (<see cref="Declare"/>); an update of exactly that parameter array (same address and length) on
/// that thread finds it with <see cref="Find"/>. What a thread computes for a parameter never
/// depends on the split: the update kernels do the same operations on every element, and every
/// partition covers each parameter exactly once, so even a stale layout could only cost time.</para>
/// </remarks>
internal sealed unsafe class ParameterLayout
{
    /// <summary>
    /// Parameters the split matrices must hold for the update to follow them: 2¹⁶ (an update of
    /// 65,536 parameters takes about 6 µs on one core). 64-128-10 at batch 1,024 splits its weight
    /// gradients, but its 8,192 weights update faster on one thread than a dispatch takes.
    /// </summary>
    internal const int MinSplitParameters = 1 << 16;

    [ThreadStatic] private static ParameterLayout? t_declared;

    private readonly int _length;
    private readonly int[] _offsets;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly bool[] _split;
    private float* _base;
    private int _threads;

    /// <summary>A layout of <paramref name="length"/> parameters holding the given weight matrices (row-major, in ascending offsets, not overlapping).</summary>
    public ParameterLayout(int length, int[] offsets, int[] rows, int[] columns)
    {
        if (offsets.Length != rows.Length || rows.Length != columns.Length) throw new ArgumentException("One offset, row count and column count per matrix.");
        for (int i = 0; i < offsets.Length; i++)
        {
            long end = offsets[i] + ((long)rows[i] * columns[i]);
            if (offsets[i] < 0 || end > length || (i > 0 && offsets[i] < offsets[i - 1] + ((long)rows[i - 1] * columns[i - 1])))
                throw new ArgumentException($"Matrix {i} does not lie inside the parameters after the one before it.");
        }

        _length = length;
        _offsets = offsets;
        _rows = rows;
        _columns = columns;
        _split = new bool[offsets.Length];
    }

    /// <summary>
    /// Records, for the thread's next update of <paramref name="parameters"/>, which weight gradients
    /// (<c>inputs x batchRows x outputs</c>) the step just run on this thread split by rows.
    /// </summary>
    [MethodImpl(Hot.Path)]
    public void Declare(Span<float> parameters, int batchRows)
    {
        WorkerTeam? team = KernelThreads.Team;
        if (team is null)
        {
            // One thread, the common case: nothing was split, and an update without a team never looks.
            t_declared = null;
            return;
        }

        long splitParameters = 0;
        for (int i = 0; i < _split.Length; i++)
        {
            _split[i] = Gemm.SplitsWeightGradientByRows(_rows[i], batchRows, _columns[i]);
            if (_split[i]) splitParameters += (long)_rows[i] * _columns[i];
        }

        // An update of a few thousand parameters takes about a microsecond: less than a dispatch.
        bool any = splitParameters >= MinSplitParameters;

        _base = (float*)Unsafe.AsPointer(ref parameters.GetPinnableReference());
        _threads = team.Threads;
        t_declared = any ? this : null;
    }

    /// <summary>The layout declared on this thread for exactly these parameters, with at least one split matrix; otherwise null.</summary>
    [MethodImpl(Hot.Path)]
    public static ParameterLayout? Find(float* parameters, int length, WorkerTeam team)
    {
        ParameterLayout? layout = t_declared;
        return layout is not null && layout._base == parameters && layout._length == length && layout._threads == team.Threads ? layout : null;
    }

    /// <summary>
    /// Cuts the update into one part per thread. Part <c>t</c> holds, for each split matrix, the rows
    /// of the product parts in thread <c>t</c>'s share (<see cref="WorkerTeam.ShareStart"/> over
    /// <see cref="Gemm.RowParts"/>: contiguous parameters); part 0 also holds every parameter outside
    /// the split matrices. Segments are written to <paramref name="segments"/> (cleared first) and
    /// part <c>t</c>'s are <c>segments[partStarts[t]..partStarts[t + 1]]</c>.
    /// </summary>
    [MethodImpl(Hot.Path)]
    public void Partition(List<UpdateSegment> segments, int[] partStarts)
    {
        segments.Clear();
        int threads = _threads;
        for (int t = 0; t < threads; t++)
        {
            partStarts[t] = segments.Count;
            if (t == 0) AddUnsplitRanges(segments);
            for (int i = 0; i < _split.Length; i++)
            {
                if (!_split[i]) continue;
                int rows = _rows[i];
                (int units, int parts) = Gemm.RowParts(rows, threads);
                int r0 = Gemm.RowPartStart(WorkerTeam.ShareStart(t, parts, threads), units, parts, rows);
                int r1 = Gemm.RowPartStart(WorkerTeam.ShareStart(t + 1, parts, threads), units, parts, rows);
                if (r1 > r0) segments.Add(new UpdateSegment(_offsets[i] + (r0 * _columns[i]), (r1 - r0) * _columns[i]));
            }
        }

        partStarts[threads] = segments.Count;
    }

    /// <summary>Parts <see cref="Partition"/> makes: one a thread.</summary>
    public int Parts => _threads;

    [MethodImpl(Hot.Path)]
    private void AddUnsplitRanges(List<UpdateSegment> segments)
    {
        int position = 0;
        for (int i = 0; i < _split.Length; i++)
        {
            if (!_split[i]) continue;
            if (_offsets[i] > position) segments.Add(new UpdateSegment(position, _offsets[i] - position));
            position = _offsets[i] + (_rows[i] * _columns[i]);
        }

        if (position < _length) segments.Add(new UpdateSegment(position, _length - position));
    }
}

/// <summary><paramref name="Length"/> parameters from <paramref name="Start"/>.</summary>
internal readonly record struct UpdateSegment(int Start, int Length);
