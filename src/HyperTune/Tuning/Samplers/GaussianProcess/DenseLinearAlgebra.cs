using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// The dense linear algebra a Gaussian process needs, on row-major <see cref="double"/> arrays: a
/// Cholesky factor, the inverse of the factor, the inverse of the matrix, and dot products. Every
/// inner loop is a dot product of two contiguous row segments, vectorised; nothing allocates.
/// </summary>
/// <remarks>
/// MathNet.Numerics' managed Cholesky does the same arithmetic on column-major storage without SIMD
/// and allocates a matrix per factorisation; the fit factors hundreds of small matrices per trial,
/// so it uses these (benchmarks/HyperTune.Benchmarks/Tuning/GaussianProcessBenchmarks.cs compares both,
/// and the tests check these against MathNet).
/// </remarks>
internal static class DenseLinearAlgebra
{
    /// <summary>Factors a symmetric positive-definite matrix as L·Lᵀ.</summary>
    /// <param name="a">The matrix, n × n row-major; only its lower triangle is read.</param>
    /// <param name="l">Receives L, lower triangular, with zeros above the diagonal; may not alias <paramref name="a"/>.</param>
    /// <param name="n">The order.</param>
    /// <returns>Whether the matrix was numerically positive definite.</returns>
    public static bool Cholesky(ReadOnlySpan<double> a, Span<double> l, int n)
    {
        for (int i = 0; i < n; i++)
        {
            Span<double> li = l.Slice(i * n, n);
            for (int j = 0; j < i; j++)
            {
                double s = a[(i * n) + j] - Dot(li.Slice(0, j), l.Slice(j * n, j));
                li[j] = s / l[(j * n) + j];
            }

            double d = a[(i * n) + i] - Dot(li.Slice(0, i), li.Slice(0, i));
            if (!(d > 0) || double.IsInfinity(d))
            {
                return false;
            }

            li[i] = Math.Sqrt(d);
            li.Slice(i + 1).Clear();
        }

        return true;
    }

    /// <summary>Writes U = L⁻ᵀ (upper triangular, row-major, zeros below the diagonal): row c of U is column c of L⁻¹.</summary>
    /// <param name="l">The lower-triangular factor.</param>
    /// <param name="u">Receives L⁻ᵀ.</param>
    /// <param name="n">The order.</param>
    public static void InverseTransposeOfLower(ReadOnlySpan<double> l, Span<double> u, int n)
    {
        for (int c = 0; c < n; c++)
        {
            Span<double> uc = u.Slice(c * n, n);
            uc.Slice(0, c).Clear();
            uc[c] = 1 / l[(c * n) + c];
            for (int r = c + 1; r < n; r++)
            {
                uc[r] = -Dot(l.Slice((r * n) + c, r - c), uc.Slice(c, r - c)) / l[(r * n) + r];
            }
        }
    }

    /// <summary>Writes the transpose of a square matrix.</summary>
    /// <param name="source">The matrix.</param>
    /// <param name="destination">Receives its transpose; may not alias <paramref name="source"/>.</param>
    /// <param name="n">The order.</param>
    public static void Transpose(ReadOnlySpan<double> source, Span<double> destination, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                destination[(j * n) + i] = source[(i * n) + j];
            }
        }
    }

    /// <summary>Writes A⁻¹ = U·Uᵀ from U = L⁻ᵀ, both triangles.</summary>
    /// <param name="u">L⁻ᵀ, upper triangular.</param>
    /// <param name="inverse">Receives the symmetric inverse.</param>
    /// <param name="n">The order.</param>
    public static void InverseFromInverseFactor(ReadOnlySpan<double> u, Span<double> inverse, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double s = Dot(u.Slice((i * n) + j, n - j), u.Slice((j * n) + j, n - j));
                inverse[(i * n) + j] = s;
                inverse[(j * n) + i] = s;
            }
        }
    }

    /// <summary>Solves L·z = b by forward substitution.</summary>
    /// <param name="l">The lower-triangular factor.</param>
    /// <param name="b">The right-hand side.</param>
    /// <param name="z">Receives the solution; may alias <paramref name="b"/>.</param>
    /// <param name="n">The order.</param>
    public static void SolveLower(ReadOnlySpan<double> l, ReadOnlySpan<double> b, Span<double> z, int n)
    {
        for (int i = 0; i < n; i++)
        {
            z[i] = (b[i] - Dot(l.Slice(i * n, i), z.Slice(0, i))) / l[(i * n) + i];
        }
    }

    /// <summary>y = A·x for a square row-major matrix.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="x">The vector.</param>
    /// <param name="y">Receives the product; may not alias <paramref name="x"/>.</param>
    /// <param name="n">The order.</param>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> x, Span<double> y, int n)
    {
        for (int i = 0; i < n; i++)
        {
            y[i] = Dot(a.Slice(i * n, n), x);
        }
    }

    /// <summary>y += a·x, element-wise.</summary>
    /// <param name="a">The scale.</param>
    /// <param name="x">The addend.</param>
    /// <param name="y">The accumulator, as long as <paramref name="x"/>.</param>
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            var av = new Vector<double>(a);
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - width; i += width)
            {
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref yr, (nuint)i) + (av * Vector.LoadUnsafe(ref xr, (nuint)i)), ref yr, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>
    /// The 16 dot products of four rows of one matrix with four rows of another over their first
    /// <paramref name="length"/> elements: a 4 × 4 register tile, eight loads per sixteen multiply-adds.
    /// </summary>
    /// <param name="a">The first row of the four (the others follow at <paramref name="aStride"/>).</param>
    /// <param name="aStride">The distance between rows of <paramref name="a"/>.</param>
    /// <param name="x">The first of the four vectors (the others follow at <paramref name="xStride"/>).</param>
    /// <param name="xStride">The distance between the vectors.</param>
    /// <param name="length">The elements each product runs over.</param>
    /// <param name="result">Receives result[4·row + vector].</param>
    public static void Dot4x4(ReadOnlySpan<double> a, int aStride, ReadOnlySpan<double> x, int xStride, int length, Span<double> result)
    {
        result.Slice(0, 16).Clear();
        int i = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            ref double ar = ref MemoryMarshal.GetReference(a);
            ref double xr = ref MemoryMarshal.GetReference(x);
            nuint a1 = (nuint)aStride, a2 = 2 * (nuint)aStride, a3 = 3 * (nuint)aStride;
            nuint x1 = (nuint)xStride, x2 = 2 * (nuint)xStride, x3 = 3 * (nuint)xStride;
            Vector<double> c00 = default, c01 = default, c02 = default, c03 = default;
            Vector<double> c10 = default, c11 = default, c12 = default, c13 = default;
            Vector<double> c20 = default, c21 = default, c22 = default, c23 = default;
            Vector<double> c30 = default, c31 = default, c32 = default, c33 = default;
            for (; i <= length - width; i += width)
            {
                nuint at = (nuint)i;
                var v0 = Vector.LoadUnsafe(ref xr, at);
                var v1 = Vector.LoadUnsafe(ref xr, at + x1);
                var v2 = Vector.LoadUnsafe(ref xr, at + x2);
                var v3 = Vector.LoadUnsafe(ref xr, at + x3);
                var r = Vector.LoadUnsafe(ref ar, at);
                c00 += r * v0;
                c01 += r * v1;
                c02 += r * v2;
                c03 += r * v3;
                r = Vector.LoadUnsafe(ref ar, at + a1);
                c10 += r * v0;
                c11 += r * v1;
                c12 += r * v2;
                c13 += r * v3;
                r = Vector.LoadUnsafe(ref ar, at + a2);
                c20 += r * v0;
                c21 += r * v1;
                c22 += r * v2;
                c23 += r * v3;
                r = Vector.LoadUnsafe(ref ar, at + a3);
                c30 += r * v0;
                c31 += r * v1;
                c32 += r * v2;
                c33 += r * v3;
            }

            result[0] = Vector.Sum(c00);
            result[1] = Vector.Sum(c01);
            result[2] = Vector.Sum(c02);
            result[3] = Vector.Sum(c03);
            result[4] = Vector.Sum(c10);
            result[5] = Vector.Sum(c11);
            result[6] = Vector.Sum(c12);
            result[7] = Vector.Sum(c13);
            result[8] = Vector.Sum(c20);
            result[9] = Vector.Sum(c21);
            result[10] = Vector.Sum(c22);
            result[11] = Vector.Sum(c23);
            result[12] = Vector.Sum(c30);
            result[13] = Vector.Sum(c31);
            result[14] = Vector.Sum(c32);
            result[15] = Vector.Sum(c33);
        }

        for (; i < length; i++)
        {
            for (int row = 0; row < 4; row++)
            {
                double r = a[(row * aStride) + i];
                for (int b = 0; b < 4; b++)
                {
                    result[(row * 4) + b] += r * x[(b * xStride) + i];
                }
            }
        }
    }

    /// <summary>Four dot products of one row with four vectors, reading the row once.</summary>
    /// <param name="row">The shared operand.</param>
    /// <param name="a">The first vector (at least as long as <paramref name="row"/>).</param>
    /// <param name="b">The second.</param>
    /// <param name="c">The third.</param>
    /// <param name="d">The fourth.</param>
    /// <param name="result">Receives the four products.</param>
    public static void Dot4(ReadOnlySpan<double> row, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, Span<double> result)
    {
        int length = row.Length;
        int i = 0;
        double sa = 0, sb = 0, sc = 0, sd = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            ref double rr = ref MemoryMarshal.GetReference(row);
            ref double ar = ref MemoryMarshal.GetReference(a);
            ref double br = ref MemoryMarshal.GetReference(b);
            ref double cr = ref MemoryMarshal.GetReference(c);
            ref double dr = ref MemoryMarshal.GetReference(d);
            Vector<double> va = default, vb = default, vc = default, vd = default;
            for (; i <= length - width; i += width)
            {
                var x = Vector.LoadUnsafe(ref rr, (nuint)i);
                va += x * Vector.LoadUnsafe(ref ar, (nuint)i);
                vb += x * Vector.LoadUnsafe(ref br, (nuint)i);
                vc += x * Vector.LoadUnsafe(ref cr, (nuint)i);
                vd += x * Vector.LoadUnsafe(ref dr, (nuint)i);
            }

            sa = Vector.Sum(va);
            sb = Vector.Sum(vb);
            sc = Vector.Sum(vc);
            sd = Vector.Sum(vd);
        }

        for (; i < length; i++)
        {
            double x = row[i];
            sa += x * a[i];
            sb += x * b[i];
            sc += x * c[i];
            sd += x * d[i];
        }

        result[0] = sa;
        result[1] = sb;
        result[2] = sc;
        result[3] = sd;
    }

    /// <summary>The dot product of two spans of equal length.</summary>
    /// <param name="x">The first.</param>
    /// <param name="y">The second.</param>
    /// <returns>Σ xᵢ·yᵢ.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int length = x.Length;
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && length >= 2 * Vector<double>.Count)
        {
            ref double xr = ref MemoryMarshal.GetReference(x);
            ref double yr = ref MemoryMarshal.GetReference(y);
            int width = Vector<double>.Count;
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i <= length - (2 * width); i += 2 * width)
            {
                acc0 += Vector.LoadUnsafe(ref xr, (nuint)i) * Vector.LoadUnsafe(ref yr, (nuint)i);
                acc1 += Vector.LoadUnsafe(ref xr, (nuint)(i + width)) * Vector.LoadUnsafe(ref yr, (nuint)(i + width));
            }

            if (i <= length - width)
            {
                acc0 += Vector.LoadUnsafe(ref xr, (nuint)i) * Vector.LoadUnsafe(ref yr, (nuint)i);
                i += width;
            }

            sum = Vector.Sum(acc0 + acc1);
        }

        for (; i < length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
