using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HyperTune.Numerics;

/// <summary>
/// Single-precision matrix products for the three shapes a dense layer needs, all row-major:
/// <list type="bullet">
/// <item><see cref="MultiplyNN"/>: <c>C = A·B</c> (forward <c>Y = X·W + b</c>);</item>
/// <item><see cref="MultiplyTN"/>: <c>C = Aᵀ·B</c> (weight gradient <c>dW = Xᵀ·dY</c>);</item>
/// <item><see cref="MultiplyNT"/>: <c>C = A·Bᵀ</c> (input gradient <c>dX = dY·Wᵀ</c>).</item>
/// </list>
/// All three run one blocked driver over a broadcast micro-kernel: C is cut into panels of 64
/// columns (four Vector512 registers a row), the depth into blocks of <see cref="DepthBlock"/> so a
/// panel's slice of B (128 x 64 floats = 32 KiB) stays in L1 while every 6-row tile of A streams
/// past it, and each tile keeps 24 accumulators in registers (6 rows x 4 vectors): per depth step
/// 4 loads + 6 broadcasts feed 24 FMAs, enough independent chains to cover FMA latency on two
/// pipes. A's layout enters only through two strides, so the transposed product needs no packing;
/// the NT product transposes B once into caller-owned scratch (its cost is one pass over the
/// weights, against <c>batch</c> passes of arithmetic). Columns left over after the 16-wide panels
/// (a 10-class output layer) run through a masked 6 x 16 micro-kernel on .NET 9+ (AVX-512 masked
/// loads and stores), or are packed, zero-padded, into a 16-wide stack panel on .NET 8. The
/// portable path is the same design over <see cref="Vector{T}"/> (4 x 2 vectors). Nothing is
/// allocated on the heap.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>Depth (K) of one block: B's panel slice is DepthBlock x 64 floats.</summary>
    internal const int DepthBlock = 128;

    /// <summary>Rows of C one Vector512 tile computes.</summary>
    private const int TileRows = 6;

    /// <summary>Rows of C one portable tile computes.</summary>
    private const int VectorTileRows = 4;

    /// <summary><c>C[m x n] = A[m x k] · B[k x n]</c>, started as <paramref name="start"/> says.</summary>
    /// <param name="a">A, row-major, at least <c>m x k</c>.</param>
    /// <param name="b">B, row-major, at least <c>k x n</c>.</param>
    /// <param name="c">C, row-major, at least <c>m x n</c>.</param>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="k">Columns of A, rows of B.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="start">Overwrite C, accumulate into it, or start each row from <paramref name="bias"/>.</param>
    /// <param name="bias">The row added to every row of C when <paramref name="start"/> is <see cref="GemmStart.Bias"/>: <paramref name="n"/> values.</param>
    /// <param name="path">The implementation; <see cref="KernelPath.Auto"/> in production.</param>
    [MethodImpl(Hot.Path)]
    public static void MultiplyNN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n,
        GemmStart start = GemmStart.Overwrite, ReadOnlySpan<float> bias = default, KernelPath path = KernelPath.Auto)
    {
        Validate(a.Length, b.Length, c.Length, bias.Length, m, k, n, start);
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            Run(pa, k, 1, pb, n, pc, n, m, k, n, start, pbias, path);
        }
    }

    /// <summary><c>C[m x n] = Aᵀ · B</c> where A is stored <c>k x m</c> and B <c>k x n</c>, both row-major.</summary>
    /// <param name="a">A as stored, row-major, at least <c>k x m</c>.</param>
    /// <param name="b">B, row-major, at least <c>k x n</c>.</param>
    /// <param name="c">C, row-major, at least <c>m x n</c>.</param>
    /// <param name="m">Columns of stored A; rows of C.</param>
    /// <param name="k">Rows of stored A and of B (the summed dimension).</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="start">Overwrite C, accumulate into it, or start each row from <paramref name="bias"/>.</param>
    /// <param name="bias">The row added to every row of C when <paramref name="start"/> is <see cref="GemmStart.Bias"/>.</param>
    /// <param name="path">The implementation; <see cref="KernelPath.Auto"/> in production.</param>
    [MethodImpl(Hot.Path)]
    public static void MultiplyTN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n,
        GemmStart start = GemmStart.Overwrite, ReadOnlySpan<float> bias = default, KernelPath path = KernelPath.Auto)
    {
        Validate(a.Length, b.Length, c.Length, bias.Length, m, k, n, start);
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            Run(pa, 1, m, pb, n, pc, n, m, k, n, start, pbias, path, byRows: true);
        }
    }

    /// <summary>
    /// <c>C[m x n] = A[m x k] · Bᵀ</c> where B is stored <c>n x k</c>, row-major. B is first
    /// transposed into <paramref name="scratch"/> (at least <c>k x n</c> floats).
    /// </summary>
    /// <param name="a">A, row-major, at least <c>m x k</c>.</param>
    /// <param name="b">B as stored, row-major, at least <c>n x k</c>.</param>
    /// <param name="c">C, row-major, at least <c>m x n</c>.</param>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="k">Columns of A and of stored B.</param>
    /// <param name="n">Rows of stored B; columns of C.</param>
    /// <param name="scratch">Room for Bᵀ: at least <c>k x n</c> floats, owned by the caller for the run.</param>
    /// <param name="start">Overwrite C or accumulate into it.</param>
    /// <param name="path">The implementation; <see cref="KernelPath.Auto"/> in production.</param>
    [MethodImpl(Hot.Path)]
    public static void MultiplyNT(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n,
        Span<float> scratch, GemmStart start = GemmStart.Overwrite, KernelPath path = KernelPath.Auto)
    {
        if (start == GemmStart.Bias) throw new ArgumentException("The NT product takes no bias.", nameof(start));
        Validate(a.Length, b.Length, c.Length, 0, m, k, n, start);
        if (scratch.Length < (long)k * n)
            throw new ArgumentException($"The scratch holds {scratch.Length} floats; B transposed needs {(long)k * n}.", nameof(scratch));
        Transpose(b, n, k, scratch);
        fixed (float* pa = a, pt = scratch, pc = c)
        {
            Run(pa, k, 1, pt, n, pc, n, m, k, n, start, null, path);
        }
    }

    /// <summary>Writes the transpose of <paramref name="source"/> (<c>rows x cols</c>) into <paramref name="destination"/> (<c>cols x rows</c>).</summary>
    /// <param name="source">The matrix, row-major.</param>
    /// <param name="rows">Its rows.</param>
    /// <param name="cols">Its columns.</param>
    /// <param name="destination">Receives the transpose, row-major.</param>
    [MethodImpl(Hot.Path)]
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination)
    {
        if (source.Length < (long)rows * cols) throw new ArgumentException($"The source holds {source.Length} floats, not {rows} x {cols}.", nameof(source));
        if (destination.Length < (long)rows * cols) throw new ArgumentException($"The destination holds {destination.Length} floats, not {cols} x {rows}.", nameof(destination));

        int i0 = 0;
        if (Avx.IsSupported)
        {
            // 8 x 8 blocks transposed in registers; the ragged edges below, element by element.
            fixed (float* src = source, dst = destination)
            {
                for (; i0 + 8 <= rows; i0 += 8)
                {
                    int j0 = 0;
                    for (; j0 + 8 <= cols; j0 += 8)
                    {
                        Transpose8x8(src + (i0 * cols) + j0, cols, dst + (j0 * rows) + i0, rows);
                    }

                    TransposeScalar(source, rows, cols, destination, i0, i0 + 8, j0, cols);
                }
            }
        }

        TransposeScalar(source, rows, cols, destination, i0, rows, 0, cols);
    }

    [MethodImpl(Hot.Path)]
    private static void TransposeScalar(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination, int i0, int i1, int j0, int j1)
    {
        for (int i = i0; i < i1; i++)
        {
            for (int j = j0; j < j1; j++)
            {
                destination[(j * rows) + i] = source[(i * cols) + j];
            }
        }
    }

    /// <summary>The classic AVX 8 x 8 transpose: unpack pairs, shuffle quads, swap 128-bit halves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* source, nint sourceStride, float* destination, nint destinationStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(source), r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<float> r2 = Avx.LoadVector256(source + (2 * sourceStride)), r3 = Avx.LoadVector256(source + (3 * sourceStride));
        Vector256<float> r4 = Avx.LoadVector256(source + (4 * sourceStride)), r5 = Avx.LoadVector256(source + (5 * sourceStride));
        Vector256<float> r6 = Avx.LoadVector256(source + (6 * sourceStride)), r7 = Avx.LoadVector256(source + (7 * sourceStride));

        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);

        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

        Avx.Store(destination, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(destination + destinationStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(destination + (2 * destinationStride), Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(destination + (3 * destinationStride), Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(destination + (4 * destinationStride), Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(destination + (5 * destinationStride), Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(destination + (6 * destinationStride), Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(destination + (7 * destinationStride), Avx.Permute2x128(u3, u7, 0x31));
    }

    [MethodImpl(Hot.Path)]
    private static void Validate(int aLength, int bLength, int cLength, int biasLength, int m, int k, int n, GemmStart start)
    {
        if (m < 0) throw new ArgumentOutOfRangeException(nameof(m), m, "A dimension cannot be negative.");
        if (k < 0) throw new ArgumentOutOfRangeException(nameof(k), k, "A dimension cannot be negative.");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "A dimension cannot be negative.");
        if (aLength < (long)m * k) throw new ArgumentException($"A holds {aLength} floats; {m} x {k} needs {(long)m * k}.", "a");
        if (bLength < (long)k * n) throw new ArgumentException($"B holds {bLength} floats; {k} x {n} needs {(long)k * n}.", "b");
        if (cLength < (long)m * n) throw new ArgumentException($"C holds {cLength} floats; {m} x {n} needs {(long)m * n}.", "c");
        if (start == GemmStart.Bias && biasLength < n) throw new ArgumentException($"The bias holds {biasLength} floats; C has {n} columns.", "bias");
    }

    /// <summary>The common driver: A's element (i, p) is at <c>a[i * aRow + p * aCol]</c>.</summary>
    [MethodImpl(Hot.Path)]
    private static void Run(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int n,
        GemmStart start, float* bias, KernelPath path, bool byRows = false)
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            StartOnly(c, ldc, m, n, start, bias);
            return;
        }

        path = path == KernelPath.Auto ? Simd.Best : path;
        WorkerTeam? team = KernelThreads.Team;
        if (team is not null && (long)m * k * n >= ParallelThreshold && RunParallel(team, a, aRow, aCol, b, ldb, c, ldc, m, k, n, start, bias, path, byRows))
        {
            return;
        }

        RunBlock(a, aRow, aCol, b, ldb, c, ldc, m, k, n, start, bias, path);
    }

    /// <summary>One block of C on the calling thread.</summary>
    [MethodImpl(Hot.Path)]
    internal static void RunBlock(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int n,
        GemmStart start, float* bias, KernelPath path)
    {
        switch (path)
        {
            case KernelPath.Vector512:
                Run512(a, aRow, aCol, b, ldb, c, ldc, m, k, n, start, bias, masked: true);
                break;
            case KernelPath.Vector512Packed:
                Run512(a, aRow, aCol, b, ldb, c, ldc, m, k, n, start, bias, masked: false);
                break;
            case KernelPath.Vector:
                RunVector(a, aRow, aCol, b, ldb, c, ldc, m, k, n, start, bias);
                break;
            default:
                RunScalar(a, aRow, aCol, b, ldb, c, ldc, 0, m, 0, n, k, start, bias);
                break;
        }
    }

    // ---------------------------------------------------------------- threads

    /// <summary>
    /// Multiply-adds (m·k·n) below which a product stays on one thread: 2²³, about 150 µs of one
    /// core's work. Below it a split gains little even on an idle machine, and on a busy one a
    /// worker preempted in the middle of its part makes the caller wait for a whole time slice.
    /// </summary>
    internal const long ParallelThreshold = 1L << 23;

    /// <summary>Columns of C in one unit of a column split: a whole Vector512 panel, and a multiple of any <see cref="Vector{T}"/> pair.</summary>
    internal const int ColumnUnit = 64;

    /// <summary>Parts a dispatch is cut into per thread, so that a late thread's share is taken by the others.</summary>
    private const int PartsPerThread = 4;

    [ThreadStatic] private static GemmWork? t_work;

    /// <summary>
    /// Whether a weight-gradient product (<see cref="MultiplyTN"/>) of <paramref name="m"/> x
    /// <paramref name="k"/> x <paramref name="n"/> run with a worker team is split, by tiles of rows
    /// (the rule <see cref="ParameterLayout"/> follows to split the weight update the same way).
    /// </summary>
    internal static bool SplitsWeightGradientByRows(int m, int k, int n) => (long)m * k * n >= ParallelThreshold && m > TileRows;

    /// <summary>The row tiles of <paramref name="m"/> rows and the parts a row split among <paramref name="threads"/> threads cuts them into.</summary>
    internal static (int Units, int Parts) RowParts(int m, int threads)
    {
        int units = (m + TileRows - 1) / TileRows;
        return (units, Math.Min(units, threads * PartsPerThread));
    }

    /// <summary>The first row of part <paramref name="part"/> (or <paramref name="m"/> for <paramref name="parts"/>) of a row split of <paramref name="m"/> rows.</summary>
    internal static int RowPartStart(int part, int units, int parts, int m) => Math.Min(m, (int)((long)part * units / parts) * TileRows);

    /// <summary>The panels of <paramref name="n"/> columns and the parts a column split among <paramref name="threads"/> threads cuts them into.</summary>
    private static (int Units, int Parts) ColumnParts(int n, int threads)
    {
        int units = n / ColumnUnit;
        return (units, Math.Min(units, threads * PartsPerThread));
    }

    /// <summary>The first column of part <paramref name="part"/> of a column split into <paramref name="parts"/> parts of <paramref name="units"/> panels.</summary>
    private static int ColumnPartStart(int part, int units, int parts) => (int)((long)part * units / parts) * ColumnUnit;

    /// <summary>
    /// Splits C among the team by output only (each element is still computed by one thread, with
    /// the same depth blocks and the same fused multiply-adds in the same order as on one thread):
    /// by panels of <see cref="ColumnUnit"/> columns when C has at least two, otherwise by tiles of
    /// rows; or by tiles of rows first when <paramref name="byRows"/> (the weight gradients
    /// <c>Xᵀ·dY</c>, so that each thread writes whole rows of the gradient and the update that
    /// follows finds them, contiguous, in its own cache: see <see cref="ParameterLayout"/>). A column
    /// split keeps every column in the kind of kernel it gets on one thread (the narrow or scalar
    /// remainder stays in the last part); a row split changes no column at all.
    /// </summary>
    /// <returns>False when C is too small to split; nothing has run then.</returns>
    [MethodImpl(Hot.Path)]
    private static bool RunParallel(WorkerTeam team, float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int n,
        GemmStart start, float* bias, KernelPath path, bool byRows)
    {
        (int Units, int Parts) split;
        bool columns;
        if (byRows && m > TileRows)
        {
            split = RowParts(m, team.Threads);
            columns = false;
        }
        else if (n / ColumnUnit >= 2)
        {
            split = ColumnParts(n, team.Threads);
            columns = true;
        }
        else if (m > TileRows)
        {
            split = RowParts(m, team.Threads);
            columns = false;
        }
        else
        {
            return false;
        }

        GemmWork work = t_work ??= new GemmWork();
        work.Set(a, aRow, aCol, b, ldb, c, ldc, m, k, n, start, bias, path, columns, split.Units);
        work.Parts = split.Parts;
        team.Run(work, split.Parts);
        return true;
    }

    /// <summary>The arguments of one split product, kept per thread and reused: a dispatch allocates nothing.</summary>
    private sealed class GemmWork : ParallelWork
    {
        private float* _a, _b, _c, _bias;
        private nint _aRow, _aCol, _ldb, _ldc;
        private int _m, _k, _n, _units;
        private GemmStart _start;
        private KernelPath _path;
        private bool _columns;

        public int Parts { get; set; }

        public void Set(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int n,
            GemmStart start, float* bias, KernelPath path, bool columns, int units)
        {
            _a = a;
            _b = b;
            _c = c;
            _bias = bias;
            (_aRow, _aCol, _ldb, _ldc) = (aRow, aCol, ldb, ldc);
            (_m, _k, _n, _start, _path, _columns, _units) = (m, k, n, start, path, columns, units);
        }

        [MethodImpl(Hot.Path)]
        public override void Run(int part)
        {
            if (_columns)
            {
                int j0 = ColumnPartStart(part, _units, Parts);
                int j1 = part == Parts - 1 ? _n : ColumnPartStart(part + 1, _units, Parts);
                RunBlock(_a, _aRow, _aCol, _b + j0, _ldb, _c + j0, _ldc, _m, _k, j1 - j0, _start, _bias == null ? null : _bias + j0, _path);
            }
            else
            {
                int i0 = RowPartStart(part, _units, Parts, _m);
                int i1 = RowPartStart(part + 1, _units, Parts, _m);
                RunBlock(_a + (i0 * _aRow), _aRow, _aCol, _b, _ldb, _c + (i0 * _ldc), _ldc, i1 - i0, _k, _n, _start, _bias, _path);
            }
        }
    }

    [MethodImpl(Hot.Path)]
    private static void StartOnly(float* c, nint ldc, int m, int n, GemmStart start, float* bias)
    {
        if (start == GemmStart.Accumulate) return;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                c[(i * ldc) + j] = start == GemmStart.Bias ? bias[j] : 0f;
            }
        }
    }

    // ---------------------------------------------------------------- Vector512

    [MethodImpl(Hot.Path)]
    private static void Run512(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int n,
        GemmStart start, float* bias, bool masked)
    {
        int j = 0;
        for (; j + 64 <= n; j += 64)
        {
            Panel512<Four>(a, aRow, aCol, b + j, ldb, c + j, ldc, m, k, start, bias == null ? null : bias + j);
        }

        if (j + 32 <= n)
        {
            Panel512<Two>(a, aRow, aCol, b + j, ldb, c + j, ldc, m, k, start, bias == null ? null : bias + j);
            j += 32;
        }

        if (j + 16 <= n)
        {
            Panel512<One>(a, aRow, aCol, b + j, ldb, c + j, ldc, m, k, start, bias == null ? null : bias + j);
            j += 16;
        }

        if (j < n)
        {
            NarrowPanel512(a, aRow, aCol, b + j, ldb, c + j, ldc, m, k, n - j, start, bias == null ? null : bias + j, masked);
        }
    }

    /// <summary>One panel of 16 x <typeparamref name="TVectors"/> columns over every row, block by block of depth.</summary>
    [MethodImpl(Hot.Path)]
    private static void Panel512<TVectors>(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k,
        GemmStart start, float* bias)
        where TVectors : struct, IConstant
    {
        for (int p0 = 0; p0 < k; p0 += DepthBlock)
        {
            int depth = Math.Min(DepthBlock, k - p0);
            GemmStart blockStart = p0 == 0 ? start : GemmStart.Accumulate;
            float* ap = a + (p0 * aCol);
            float* bp = b + (p0 * ldb);
            int i = 0;
            for (; i + TileRows <= m; i += TileRows)
            {
                Tile512<Six, TVectors>(ap + (i * aRow), aRow, aCol, bp, ldb, c + (i * ldc), ldc, depth, blockStart, bias);
            }

            if (i < m)
            {
                Rows512<TVectors>(m - i, ap + (i * aRow), aRow, aCol, bp, ldb, c + (i * ldc), ldc, depth, blockStart, bias);
            }
        }
    }

    /// <summary>
    /// The last <paramref name="width"/> (&lt; 16) columns, such as a 10-class output layer. On .NET 9
    /// and later the masked micro-kernel reads and writes them in place; elsewhere
    /// <see cref="PackedNarrowPanel512"/> copies them through zero-padded stack panels.
    /// </summary>
    [MethodImpl(Hot.Path)]
    private static void NarrowPanel512(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int width,
        GemmStart start, float* bias, bool masked)
    {
#if !NET9_0_OR_GREATER
        _ = masked;
#else
        if (masked && Avx512F.IsSupported)
        {
            Vector512<float> mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(width)).AsSingle();
            for (int p0 = 0; p0 < k; p0 += DepthBlock)
            {
                int depth = Math.Min(DepthBlock, k - p0);
                GemmStart blockStart = p0 == 0 ? start : GemmStart.Accumulate;
                float* ap = a + (p0 * aCol);
                float* bp = b + (p0 * ldb);
                int i = 0;
                for (; i + TileRows <= m; i += TileRows)
                {
                    TileMasked512<Six>(ap + (i * aRow), aRow, aCol, bp, ldb, c + (i * ldc), ldc, depth, blockStart, bias, mask);
                }

                float* ai = ap + (i * aRow);
                float* ci = c + (i * ldc);
                switch (m - i)
                {
                    case 1: TileMasked512<One>(ai, aRow, aCol, bp, ldb, ci, ldc, depth, blockStart, bias, mask); break;
                    case 2: TileMasked512<Two>(ai, aRow, aCol, bp, ldb, ci, ldc, depth, blockStart, bias, mask); break;
                    case 3: TileMasked512<Three>(ai, aRow, aCol, bp, ldb, ci, ldc, depth, blockStart, bias, mask); break;
                    case 4: TileMasked512<Four>(ai, aRow, aCol, bp, ldb, ci, ldc, depth, blockStart, bias, mask); break;
                    case 5: TileMasked512<Five>(ai, aRow, aCol, bp, ldb, ci, ldc, depth, blockStart, bias, mask); break;
                }
            }

            return;
        }
#endif
        PackedNarrowPanel512(a, aRow, aCol, b, ldb, c, ldc, m, k, width, start, bias);
    }

    /// <summary>
    /// The narrow panel without masked moves: B's slice is packed, zero-padded, into a 16-wide
    /// panel and C's tile goes through a 16-wide stack tile, so the ordinary micro-kernel runs.
    /// </summary>
    [SkipLocalsInit]
    [MethodImpl(Hot.Path)]
    private static void PackedNarrowPanel512(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int width,
        GemmStart start, float* bias)
    {
        const int pad = 16;
        float* packed = stackalloc float[DepthBlock * pad];
        float* tile = stackalloc float[TileRows * pad];
        float* paddedBias = stackalloc float[pad];
        for (int j = 0; j < pad; j++)
        {
            paddedBias[j] = bias != null && j < width ? bias[j] : 0f;
        }

        for (int p0 = 0; p0 < k; p0 += DepthBlock)
        {
            int depth = Math.Min(DepthBlock, k - p0);
            GemmStart blockStart = p0 == 0 ? start : GemmStart.Accumulate;
            for (int p = 0; p < depth; p++)
            {
                float* row = b + ((p0 + p) * ldb);
                float* target = packed + (p * pad);
                for (int j = 0; j < pad; j++)
                {
                    target[j] = j < width ? row[j] : 0f;
                }
            }

            float* ap = a + (p0 * aCol);
            for (int i = 0; i < m; i += TileRows)
            {
                int rows = Math.Min(TileRows, m - i);
                float* ci = c + (i * ldc);
                if (blockStart == GemmStart.Accumulate)
                {
                    CopyTile(ci, ldc, tile, pad, rows, width);
                }

                Rows512<One>(rows, ap + (i * aRow), aRow, aCol, packed, pad, tile, pad, depth, blockStart, paddedBias);
                CopyTile(tile, pad, ci, ldc, rows, width);
            }
        }
    }

    [MethodImpl(Hot.Path)]
    private static void CopyTile(float* source, nint sourceStride, float* destination, nint destinationStride, int rows, int width)
    {
        for (int r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(source + (r * sourceStride), width).CopyTo(new Span<float>(destination + (r * destinationStride), width));
        }
    }

    /// <summary>Runs the micro-kernel for a tile of 1 to 6 rows.</summary>
    [MethodImpl(Hot.Path)]
    private static void Rows512<TVectors>(int rows, float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int depth,
        GemmStart start, float* bias)
        where TVectors : struct, IConstant
    {
        switch (rows)
        {
            case 1: Tile512<One, TVectors>(a, aRow, aCol, b, ldb, c, ldc, depth, start, bias); break;
            case 2: Tile512<Two, TVectors>(a, aRow, aCol, b, ldb, c, ldc, depth, start, bias); break;
            case 3: Tile512<Three, TVectors>(a, aRow, aCol, b, ldb, c, ldc, depth, start, bias); break;
            case 4: Tile512<Four, TVectors>(a, aRow, aCol, b, ldb, c, ldc, depth, start, bias); break;
            case 5: Tile512<Five, TVectors>(a, aRow, aCol, b, ldb, c, ldc, depth, start, bias); break;
            default: Tile512<Six, TVectors>(a, aRow, aCol, b, ldb, c, ldc, depth, start, bias); break;
        }
    }

    /// <summary>
    /// The register-blocked Vector512 micro-kernel: a <typeparamref name="TRows"/> x (16 x <typeparamref name="TVectors"/>)
    /// tile of C held in up to 24 accumulators across a run of <paramref name="depth"/> rank-1 updates: each step
    /// broadcasts one A element per row and loads one B row segment. The type arguments are constants, so the
    /// JIT drops the unused accumulators and branches from each instantiation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile512<TRows, TVectors>(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int depth, GemmStart start, float* bias)
        where TRows : struct, IConstant
        where TVectors : struct, IConstant
    {
        Vector512<float> c00, c01, c02, c03;
        Vector512<float> c10, c11, c12, c13;
        Vector512<float> c20, c21, c22, c23;
        Vector512<float> c30, c31, c32, c33;
        Vector512<float> c40, c41, c42, c43;
        Vector512<float> c50, c51, c52, c53;
        if (start == GemmStart.Accumulate)
        {
            if (TRows.Value > 0) {
                c00 = TVectors.Value > 0 ? Vector512.Load(c + 0 * ldc + 0) : default;
                c01 = TVectors.Value > 1 ? Vector512.Load(c + 0 * ldc + 16) : default;
                c02 = TVectors.Value > 2 ? Vector512.Load(c + 0 * ldc + 32) : default;
                c03 = TVectors.Value > 3 ? Vector512.Load(c + 0 * ldc + 48) : default;
            }
            else { c00 = default; c01 = default; c02 = default; c03 = default; }
            if (TRows.Value > 1) {
                c10 = TVectors.Value > 0 ? Vector512.Load(c + 1 * ldc + 0) : default;
                c11 = TVectors.Value > 1 ? Vector512.Load(c + 1 * ldc + 16) : default;
                c12 = TVectors.Value > 2 ? Vector512.Load(c + 1 * ldc + 32) : default;
                c13 = TVectors.Value > 3 ? Vector512.Load(c + 1 * ldc + 48) : default;
            }
            else { c10 = default; c11 = default; c12 = default; c13 = default; }
            if (TRows.Value > 2) {
                c20 = TVectors.Value > 0 ? Vector512.Load(c + 2 * ldc + 0) : default;
                c21 = TVectors.Value > 1 ? Vector512.Load(c + 2 * ldc + 16) : default;
                c22 = TVectors.Value > 2 ? Vector512.Load(c + 2 * ldc + 32) : default;
                c23 = TVectors.Value > 3 ? Vector512.Load(c + 2 * ldc + 48) : default;
            }
            else { c20 = default; c21 = default; c22 = default; c23 = default; }
            if (TRows.Value > 3) {
                c30 = TVectors.Value > 0 ? Vector512.Load(c + 3 * ldc + 0) : default;
                c31 = TVectors.Value > 1 ? Vector512.Load(c + 3 * ldc + 16) : default;
                c32 = TVectors.Value > 2 ? Vector512.Load(c + 3 * ldc + 32) : default;
                c33 = TVectors.Value > 3 ? Vector512.Load(c + 3 * ldc + 48) : default;
            }
            else { c30 = default; c31 = default; c32 = default; c33 = default; }
            if (TRows.Value > 4) {
                c40 = TVectors.Value > 0 ? Vector512.Load(c + 4 * ldc + 0) : default;
                c41 = TVectors.Value > 1 ? Vector512.Load(c + 4 * ldc + 16) : default;
                c42 = TVectors.Value > 2 ? Vector512.Load(c + 4 * ldc + 32) : default;
                c43 = TVectors.Value > 3 ? Vector512.Load(c + 4 * ldc + 48) : default;
            }
            else { c40 = default; c41 = default; c42 = default; c43 = default; }
            if (TRows.Value > 5) {
                c50 = TVectors.Value > 0 ? Vector512.Load(c + 5 * ldc + 0) : default;
                c51 = TVectors.Value > 1 ? Vector512.Load(c + 5 * ldc + 16) : default;
                c52 = TVectors.Value > 2 ? Vector512.Load(c + 5 * ldc + 32) : default;
                c53 = TVectors.Value > 3 ? Vector512.Load(c + 5 * ldc + 48) : default;
            }
            else { c50 = default; c51 = default; c52 = default; c53 = default; }
        }
        else if (start == GemmStart.Bias)
        {
            Vector512<float> bias0 = TVectors.Value > 0 ? Vector512.Load(bias + 0) : default;
            Vector512<float> bias1 = TVectors.Value > 1 ? Vector512.Load(bias + 16) : default;
            Vector512<float> bias2 = TVectors.Value > 2 ? Vector512.Load(bias + 32) : default;
            Vector512<float> bias3 = TVectors.Value > 3 ? Vector512.Load(bias + 48) : default;
            c00 = bias0; c01 = bias1; c02 = bias2; c03 = bias3;
            c10 = bias0; c11 = bias1; c12 = bias2; c13 = bias3;
            c20 = bias0; c21 = bias1; c22 = bias2; c23 = bias3;
            c30 = bias0; c31 = bias1; c32 = bias2; c33 = bias3;
            c40 = bias0; c41 = bias1; c42 = bias2; c43 = bias3;
            c50 = bias0; c51 = bias1; c52 = bias2; c53 = bias3;
        }
        else
        {
            c00 = default; c01 = default; c02 = default; c03 = default;
            c10 = default; c11 = default; c12 = default; c13 = default;
            c20 = default; c21 = default; c22 = default; c23 = default;
            c30 = default; c31 = default; c32 = default; c33 = default;
            c40 = default; c41 = default; c42 = default; c43 = default;
            c50 = default; c51 = default; c52 = default; c53 = default;
        }

        for (int p = 0; p < depth; p++)
        {
            Vector512<float> b0 = TVectors.Value > 0 ? Vector512.Load(b + 0) : default;
            Vector512<float> b1 = TVectors.Value > 1 ? Vector512.Load(b + 16) : default;
            Vector512<float> b2 = TVectors.Value > 2 ? Vector512.Load(b + 32) : default;
            Vector512<float> b3 = TVectors.Value > 3 ? Vector512.Load(b + 48) : default;
            if (TRows.Value > 0)
            {
                Vector512<float> a0 = Vector512.Create(a[0 * aRow]);
                if (TVectors.Value > 0) c00 = Simd.Fma(a0, b0, c00);
                if (TVectors.Value > 1) c01 = Simd.Fma(a0, b1, c01);
                if (TVectors.Value > 2) c02 = Simd.Fma(a0, b2, c02);
                if (TVectors.Value > 3) c03 = Simd.Fma(a0, b3, c03);
            }
            if (TRows.Value > 1)
            {
                Vector512<float> a1 = Vector512.Create(a[1 * aRow]);
                if (TVectors.Value > 0) c10 = Simd.Fma(a1, b0, c10);
                if (TVectors.Value > 1) c11 = Simd.Fma(a1, b1, c11);
                if (TVectors.Value > 2) c12 = Simd.Fma(a1, b2, c12);
                if (TVectors.Value > 3) c13 = Simd.Fma(a1, b3, c13);
            }
            if (TRows.Value > 2)
            {
                Vector512<float> a2 = Vector512.Create(a[2 * aRow]);
                if (TVectors.Value > 0) c20 = Simd.Fma(a2, b0, c20);
                if (TVectors.Value > 1) c21 = Simd.Fma(a2, b1, c21);
                if (TVectors.Value > 2) c22 = Simd.Fma(a2, b2, c22);
                if (TVectors.Value > 3) c23 = Simd.Fma(a2, b3, c23);
            }
            if (TRows.Value > 3)
            {
                Vector512<float> a3 = Vector512.Create(a[3 * aRow]);
                if (TVectors.Value > 0) c30 = Simd.Fma(a3, b0, c30);
                if (TVectors.Value > 1) c31 = Simd.Fma(a3, b1, c31);
                if (TVectors.Value > 2) c32 = Simd.Fma(a3, b2, c32);
                if (TVectors.Value > 3) c33 = Simd.Fma(a3, b3, c33);
            }
            if (TRows.Value > 4)
            {
                Vector512<float> a4 = Vector512.Create(a[4 * aRow]);
                if (TVectors.Value > 0) c40 = Simd.Fma(a4, b0, c40);
                if (TVectors.Value > 1) c41 = Simd.Fma(a4, b1, c41);
                if (TVectors.Value > 2) c42 = Simd.Fma(a4, b2, c42);
                if (TVectors.Value > 3) c43 = Simd.Fma(a4, b3, c43);
            }
            if (TRows.Value > 5)
            {
                Vector512<float> a5 = Vector512.Create(a[5 * aRow]);
                if (TVectors.Value > 0) c50 = Simd.Fma(a5, b0, c50);
                if (TVectors.Value > 1) c51 = Simd.Fma(a5, b1, c51);
                if (TVectors.Value > 2) c52 = Simd.Fma(a5, b2, c52);
                if (TVectors.Value > 3) c53 = Simd.Fma(a5, b3, c53);
            }
            a += aCol;
            b += ldb;
        }

        if (TRows.Value > 0)
        {
            if (TVectors.Value > 0) c00.Store(c + 0 * ldc + 0);
            if (TVectors.Value > 1) c01.Store(c + 0 * ldc + 16);
            if (TVectors.Value > 2) c02.Store(c + 0 * ldc + 32);
            if (TVectors.Value > 3) c03.Store(c + 0 * ldc + 48);
        }
        if (TRows.Value > 1)
        {
            if (TVectors.Value > 0) c10.Store(c + 1 * ldc + 0);
            if (TVectors.Value > 1) c11.Store(c + 1 * ldc + 16);
            if (TVectors.Value > 2) c12.Store(c + 1 * ldc + 32);
            if (TVectors.Value > 3) c13.Store(c + 1 * ldc + 48);
        }
        if (TRows.Value > 2)
        {
            if (TVectors.Value > 0) c20.Store(c + 2 * ldc + 0);
            if (TVectors.Value > 1) c21.Store(c + 2 * ldc + 16);
            if (TVectors.Value > 2) c22.Store(c + 2 * ldc + 32);
            if (TVectors.Value > 3) c23.Store(c + 2 * ldc + 48);
        }
        if (TRows.Value > 3)
        {
            if (TVectors.Value > 0) c30.Store(c + 3 * ldc + 0);
            if (TVectors.Value > 1) c31.Store(c + 3 * ldc + 16);
            if (TVectors.Value > 2) c32.Store(c + 3 * ldc + 32);
            if (TVectors.Value > 3) c33.Store(c + 3 * ldc + 48);
        }
        if (TRows.Value > 4)
        {
            if (TVectors.Value > 0) c40.Store(c + 4 * ldc + 0);
            if (TVectors.Value > 1) c41.Store(c + 4 * ldc + 16);
            if (TVectors.Value > 2) c42.Store(c + 4 * ldc + 32);
            if (TVectors.Value > 3) c43.Store(c + 4 * ldc + 48);
        }
        if (TRows.Value > 5)
        {
            if (TVectors.Value > 0) c50.Store(c + 5 * ldc + 0);
            if (TVectors.Value > 1) c51.Store(c + 5 * ldc + 16);
            if (TVectors.Value > 2) c52.Store(c + 5 * ldc + 32);
            if (TVectors.Value > 3) c53.Store(c + 5 * ldc + 48);
        }
    }

#if NET9_0_OR_GREATER
    /// <summary>
    /// The micro-kernel for the last columns, fewer than 16: one Vector512 a row whose lanes past
    /// the edge are masked off in every load and store of B, C and the bias (AVX-512 masked moves
    /// suppress faults on masked lanes, so nothing past the matrices is touched).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TileMasked512<TRows>(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int depth, GemmStart start, float* bias, Vector512<float> mask)
        where TRows : struct, IConstant
    {
        Vector512<float> zero = Vector512<float>.Zero;
        Vector512<float> c0, c1, c2, c3, c4, c5;
        if (start == GemmStart.Accumulate)
        {
            c0 = TRows.Value > 0 ? Avx512F.MaskLoad(c + (0 * ldc), mask, zero) : zero;
            c1 = TRows.Value > 1 ? Avx512F.MaskLoad(c + (1 * ldc), mask, zero) : zero;
            c2 = TRows.Value > 2 ? Avx512F.MaskLoad(c + (2 * ldc), mask, zero) : zero;
            c3 = TRows.Value > 3 ? Avx512F.MaskLoad(c + (3 * ldc), mask, zero) : zero;
            c4 = TRows.Value > 4 ? Avx512F.MaskLoad(c + (4 * ldc), mask, zero) : zero;
            c5 = TRows.Value > 5 ? Avx512F.MaskLoad(c + (5 * ldc), mask, zero) : zero;
        }
        else if (start == GemmStart.Bias)
        {
            Vector512<float> row = Avx512F.MaskLoad(bias, mask, zero);
            c0 = row; c1 = row; c2 = row; c3 = row; c4 = row; c5 = row;
        }
        else
        {
            c0 = zero; c1 = zero; c2 = zero; c3 = zero; c4 = zero; c5 = zero;
        }

        for (int p = 0; p < depth; p++)
        {
            Vector512<float> b0 = Avx512F.MaskLoad(b, mask, zero);
            if (TRows.Value > 0) c0 = Simd.Fma(Vector512.Create(a[0 * aRow]), b0, c0);
            if (TRows.Value > 1) c1 = Simd.Fma(Vector512.Create(a[1 * aRow]), b0, c1);
            if (TRows.Value > 2) c2 = Simd.Fma(Vector512.Create(a[2 * aRow]), b0, c2);
            if (TRows.Value > 3) c3 = Simd.Fma(Vector512.Create(a[3 * aRow]), b0, c3);
            if (TRows.Value > 4) c4 = Simd.Fma(Vector512.Create(a[4 * aRow]), b0, c4);
            if (TRows.Value > 5) c5 = Simd.Fma(Vector512.Create(a[5 * aRow]), b0, c5);
            a += aCol;
            b += ldb;
        }

        if (TRows.Value > 0) Avx512F.MaskStore(c + (0 * ldc), mask, c0);
        if (TRows.Value > 1) Avx512F.MaskStore(c + (1 * ldc), mask, c1);
        if (TRows.Value > 2) Avx512F.MaskStore(c + (2 * ldc), mask, c2);
        if (TRows.Value > 3) Avx512F.MaskStore(c + (3 * ldc), mask, c3);
        if (TRows.Value > 4) Avx512F.MaskStore(c + (4 * ldc), mask, c4);
        if (TRows.Value > 5) Avx512F.MaskStore(c + (5 * ldc), mask, c5);
    }
#endif

    // ---------------------------------------------------------------- Vector<T> (portable SIMD)

    [MethodImpl(Hot.Path)]
    private static void RunVector(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k, int n,
        GemmStart start, float* bias)
    {
        int width = Vector<float>.Count;
        int j = 0;
        for (; j + (2 * width) <= n; j += 2 * width)
        {
            PanelVector<Two>(a, aRow, aCol, b + j, ldb, c + j, ldc, m, k, start, bias == null ? null : bias + j);
        }

        if (j + width <= n)
        {
            PanelVector<One>(a, aRow, aCol, b + j, ldb, c + j, ldc, m, k, start, bias == null ? null : bias + j);
            j += width;
        }

        if (j < n)
        {
            RunScalar(a, aRow, aCol, b, ldb, c, ldc, 0, m, j, n, k, start, bias);
        }
    }

    [MethodImpl(Hot.Path)]
    private static void PanelVector<TVectors>(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int m, int k,
        GemmStart start, float* bias)
        where TVectors : struct, IConstant
    {
        for (int p0 = 0; p0 < k; p0 += DepthBlock)
        {
            int depth = Math.Min(DepthBlock, k - p0);
            GemmStart blockStart = p0 == 0 ? start : GemmStart.Accumulate;
            float* ap = a + (p0 * aCol);
            float* bp = b + (p0 * ldb);
            int i = 0;
            for (; i + VectorTileRows <= m; i += VectorTileRows)
            {
                TileVector<Four, TVectors>(ap + (i * aRow), aRow, aCol, bp, ldb, c + (i * ldc), ldc, depth, blockStart, bias);
            }

            for (; i < m; i++)
            {
                TileVector<One, TVectors>(ap + (i * aRow), aRow, aCol, bp, ldb, c + (i * ldc), ldc, depth, blockStart, bias);
            }
        }
    }

    /// <summary>The portable micro-kernel: a <typeparamref name="TRows"/> x (<see cref="Vector{T}.Count"/> x <typeparamref name="TVectors"/>) tile over <see cref="Vector{T}"/>.</summary>
    [MethodImpl(Hot.Path)]
    private static void TileVector<TRows, TVectors>(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int depth, GemmStart start, float* bias)
        where TRows : struct, IConstant
        where TVectors : struct, IConstant
    {
        int width = Vector<float>.Count;
        Vector<float> c00, c01;
        Vector<float> c10, c11;
        Vector<float> c20, c21;
        Vector<float> c30, c31;
        if (start == GemmStart.Accumulate)
        {
            if (TRows.Value > 0) {
                c00 = TVectors.Value > 0 ? Unsafe.ReadUnaligned<Vector<float>>(c + 0 * ldc + 0 * width) : default;
                c01 = TVectors.Value > 1 ? Unsafe.ReadUnaligned<Vector<float>>(c + 0 * ldc + 1 * width) : default;
            }
            else { c00 = default; c01 = default; }
            if (TRows.Value > 1) {
                c10 = TVectors.Value > 0 ? Unsafe.ReadUnaligned<Vector<float>>(c + 1 * ldc + 0 * width) : default;
                c11 = TVectors.Value > 1 ? Unsafe.ReadUnaligned<Vector<float>>(c + 1 * ldc + 1 * width) : default;
            }
            else { c10 = default; c11 = default; }
            if (TRows.Value > 2) {
                c20 = TVectors.Value > 0 ? Unsafe.ReadUnaligned<Vector<float>>(c + 2 * ldc + 0 * width) : default;
                c21 = TVectors.Value > 1 ? Unsafe.ReadUnaligned<Vector<float>>(c + 2 * ldc + 1 * width) : default;
            }
            else { c20 = default; c21 = default; }
            if (TRows.Value > 3) {
                c30 = TVectors.Value > 0 ? Unsafe.ReadUnaligned<Vector<float>>(c + 3 * ldc + 0 * width) : default;
                c31 = TVectors.Value > 1 ? Unsafe.ReadUnaligned<Vector<float>>(c + 3 * ldc + 1 * width) : default;
            }
            else { c30 = default; c31 = default; }
        }
        else if (start == GemmStart.Bias)
        {
            Vector<float> bias0 = TVectors.Value > 0 ? Unsafe.ReadUnaligned<Vector<float>>(bias + 0 * width) : default;
            Vector<float> bias1 = TVectors.Value > 1 ? Unsafe.ReadUnaligned<Vector<float>>(bias + 1 * width) : default;
            c00 = bias0; c01 = bias1;
            c10 = bias0; c11 = bias1;
            c20 = bias0; c21 = bias1;
            c30 = bias0; c31 = bias1;
        }
        else
        {
            c00 = default; c01 = default;
            c10 = default; c11 = default;
            c20 = default; c21 = default;
            c30 = default; c31 = default;
        }

        for (int p = 0; p < depth; p++)
        {
            Vector<float> b0 = TVectors.Value > 0 ? Unsafe.ReadUnaligned<Vector<float>>(b + 0 * width) : default;
            Vector<float> b1 = TVectors.Value > 1 ? Unsafe.ReadUnaligned<Vector<float>>(b + 1 * width) : default;
            if (TRows.Value > 0)
            {
                Vector<float> a0 = new(a[0 * aRow]);
                if (TVectors.Value > 0) c00 = Simd.Fma(a0, b0, c00);
                if (TVectors.Value > 1) c01 = Simd.Fma(a0, b1, c01);
            }
            if (TRows.Value > 1)
            {
                Vector<float> a1 = new(a[1 * aRow]);
                if (TVectors.Value > 0) c10 = Simd.Fma(a1, b0, c10);
                if (TVectors.Value > 1) c11 = Simd.Fma(a1, b1, c11);
            }
            if (TRows.Value > 2)
            {
                Vector<float> a2 = new(a[2 * aRow]);
                if (TVectors.Value > 0) c20 = Simd.Fma(a2, b0, c20);
                if (TVectors.Value > 1) c21 = Simd.Fma(a2, b1, c21);
            }
            if (TRows.Value > 3)
            {
                Vector<float> a3 = new(a[3 * aRow]);
                if (TVectors.Value > 0) c30 = Simd.Fma(a3, b0, c30);
                if (TVectors.Value > 1) c31 = Simd.Fma(a3, b1, c31);
            }
            a += aCol;
            b += ldb;
        }

        if (TRows.Value > 0)
        {
            if (TVectors.Value > 0) Unsafe.WriteUnaligned(c + 0 * ldc + 0 * width, c00);
            if (TVectors.Value > 1) Unsafe.WriteUnaligned(c + 0 * ldc + 1 * width, c01);
        }
        if (TRows.Value > 1)
        {
            if (TVectors.Value > 0) Unsafe.WriteUnaligned(c + 1 * ldc + 0 * width, c10);
            if (TVectors.Value > 1) Unsafe.WriteUnaligned(c + 1 * ldc + 1 * width, c11);
        }
        if (TRows.Value > 2)
        {
            if (TVectors.Value > 0) Unsafe.WriteUnaligned(c + 2 * ldc + 0 * width, c20);
            if (TVectors.Value > 1) Unsafe.WriteUnaligned(c + 2 * ldc + 1 * width, c21);
        }
        if (TRows.Value > 3)
        {
            if (TVectors.Value > 0) Unsafe.WriteUnaligned(c + 3 * ldc + 0 * width, c30);
            if (TVectors.Value > 1) Unsafe.WriteUnaligned(c + 3 * ldc + 1 * width, c31);
        }
    }

    // ---------------------------------------------------------------- scalar

    /// <summary>Rows [i0, i1) and columns [j0, j1) of C, one dot product each.</summary>
    [MethodImpl(Hot.Path)]
    private static void RunScalar(float* a, nint aRow, nint aCol, float* b, nint ldb, float* c, nint ldc, int i0, int i1, int j0, int j1, int k,
        GemmStart start, float* bias)
    {
        for (int i = i0; i < i1; i++)
        {
            for (int j = j0; j < j1; j++)
            {
                float sum = start switch
                {
                    GemmStart.Accumulate => c[(i * ldc) + j],
                    GemmStart.Bias => bias[j],
                    _ => 0f,
                };
                for (int p = 0; p < k; p++)
                {
                    sum += a[(i * aRow) + (p * aCol)] * b[(p * ldb) + j];
                }

                c[(i * ldc) + j] = sum;
            }
        }
    }
}
