using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HyperTune.Numerics;

/// <summary>
/// The element-wise kernels of a dense layer in single precision: bias add, bias gradient (column
/// sums), ReLU and tanh forward and backward, and the element-wise product that applies a dropout
/// mask. Each has a Vector512 loop, a Vector256 loop (the fallback, and the tail of the wider one) and
/// a scalar tail; <see cref="Reference"/> holds the scalar formulas they are tested against.
/// </summary>
internal static class Elementwise
{
    /// <summary>Adds <paramref name="bias"/> to every row of <paramref name="values"/> (rows of <c>bias.Length</c>).</summary>
    [MethodImpl(Hot.Path)]
    public static void AddBias(Span<float> values, ReadOnlySpan<float> bias, KernelPath path = KernelPath.Auto)
    {
        int cols = bias.Length;
        if (cols == 0 || values.Length % cols != 0)
            throw new ArgumentException($"{values.Length} values are not whole rows of {cols}.", nameof(values));
        for (int r = 0; r < values.Length; r += cols)
        {
            Add(values.Slice(r, cols), bias, path);
        }
    }

    /// <summary><c>sums[j] = Σ_i values[i, j]</c>: the bias gradient of a layer from its output gradient.</summary>
    [MethodImpl(Hot.Path)]
    public static void ColumnSums(ReadOnlySpan<float> values, int rows, int cols, Span<float> sums, KernelPath path = KernelPath.Auto)
    {
        if (values.Length < (long)rows * cols) throw new ArgumentException($"{values.Length} values are fewer than {rows} x {cols}.", nameof(values));
        if (sums.Length < cols) throw new ArgumentException($"{sums.Length} sums are fewer than {cols} columns.", nameof(sums));
        Span<float> target = sums.Slice(0, cols);
        target.Clear();
        for (int r = 0; r < rows; r++)
        {
            Add(target, values.Slice(r * cols, cols), path);
        }
    }

    /// <summary><c>target += addend</c>, element by element.</summary>
    [MethodImpl(Hot.Path)]
    public static void Add(Span<float> target, ReadOnlySpan<float> addend, KernelPath path = KernelPath.Auto)
    {
        int n = target.Length;
        if (addend.Length < n) throw new ArgumentException($"{addend.Length} addends for {n} values.", nameof(addend));
        ref float t = ref MemoryMarshal.GetReference(target);
        ref float s = ref MemoryMarshal.GetReference(addend);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16)
            {
                (Vector512.LoadUnsafe(ref t, (nuint)i) + Vector512.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8)
            {
                (Vector256.LoadUnsafe(ref t, (nuint)i) + Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref t, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref t, i) += Unsafe.Add(ref s, i);
        }
    }

    /// <summary><c>destination = x ⊙ factors</c> (apply a dropout mask; <paramref name="destination"/> may be <paramref name="x"/>).</summary>
    [MethodImpl(Hot.Path)]
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> factors, Span<float> destination, KernelPath path = KernelPath.Auto)
    {
        int n = destination.Length;
        if (x.Length < n || factors.Length < n) throw new ArgumentException($"Inputs of {x.Length} and {factors.Length} values for {n} results.", nameof(x));
        ref float a = ref MemoryMarshal.GetReference(x);
        ref float f = ref MemoryMarshal.GetReference(factors);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16)
            {
                (Vector512.LoadUnsafe(ref a, (nuint)i) * Vector512.LoadUnsafe(ref f, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) * Vector256.LoadUnsafe(ref f, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = Unsafe.Add(ref a, i) * Unsafe.Add(ref f, i);
        }
    }

    /// <summary><c>x = max(x, 0)</c> in place; NaN stays NaN so the loop's guard still sees it.</summary>
    [MethodImpl(Hot.Path)]
    public static void Relu(Span<float> values, KernelPath path = KernelPath.Auto)
    {
        int n = values.Length;
        ref float x = ref MemoryMarshal.GetReference(values);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> v = Vector512.LoadUnsafe(ref x, (nuint)i);
                // Keep v where v > 0 or v is NaN (v != v); zero elsewhere.
                Vector512<float> keep = Vector512.GreaterThan(v, Vector512<float>.Zero) | ~Vector512.Equals(v, v);
                (v & keep).StoreUnsafe(ref x, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> v = Vector256.LoadUnsafe(ref x, (nuint)i);
                Vector256<float> keep = Vector256.GreaterThan(v, Vector256<float>.Zero) | ~Vector256.Equals(v, v);
                (v & keep).StoreUnsafe(ref x, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            float v = Unsafe.Add(ref x, i);
            Unsafe.Add(ref x, i) = v > 0f || float.IsNaN(v) ? v : 0f;
        }
    }

    /// <summary><c>g = y &gt; 0 ? g : 0</c>, where <paramref name="output"/> is the ReLU's output.</summary>
    [MethodImpl(Hot.Path)]
    public static void ReluBackward(Span<float> gradient, ReadOnlySpan<float> output, KernelPath path = KernelPath.Auto)
    {
        int n = gradient.Length;
        if (output.Length < n) throw new ArgumentException($"{output.Length} outputs for {n} gradients.", nameof(output));
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float y = ref MemoryMarshal.GetReference(output);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> keep = Vector512.GreaterThan(Vector512.LoadUnsafe(ref y, (nuint)i), Vector512<float>.Zero);
                (Vector512.LoadUnsafe(ref g, (nuint)i) & keep).StoreUnsafe(ref g, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> keep = Vector256.GreaterThan(Vector256.LoadUnsafe(ref y, (nuint)i), Vector256<float>.Zero);
                (Vector256.LoadUnsafe(ref g, (nuint)i) & keep).StoreUnsafe(ref g, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            if (!(Unsafe.Add(ref y, i) > 0f)) Unsafe.Add(ref g, i) = 0f;
        }
    }

    /// <summary><c>x = tanh(x)</c> in place.</summary>
    /// <remarks>
    /// Vectorised as <c>sign(x)·(1 - e)/(1 + e)</c> with <c>e = exp(-2|x|)</c>, which cannot
    /// overflow; below |x| = 0.125, where <c>1 - e</c> would cancel, an odd Taylor polynomial to x⁷
    /// (error under 2e-10). Runtimes before .NET 9 have no vector exp and take the scalar loop.
    /// </remarks>
    [MethodImpl(Hot.Path)]
    public static void Tanh(Span<float> values, KernelPath path = KernelPath.Auto)
    {
        int n = values.Length;
        ref float x = ref MemoryMarshal.GetReference(values);
        int i = 0;
#if NET9_0_OR_GREATER
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16)
            {
                TanhCore(Vector512.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref x, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8)
            {
                TanhCore(Vector256.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref x, (nuint)i);
            }
        }
#endif
        for (; i < n; i++)
        {
            Unsafe.Add(ref x, i) = MathF.Tanh(Unsafe.Add(ref x, i));
        }
    }

#if NET9_0_OR_GREATER
    private const float TaylorLimit = 0.125f;
    private const float C3 = -1f / 3f;
    private const float C5 = 2f / 15f;
    private const float C7 = -17f / 315f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhCore(Vector512<float> x)
    {
        Vector512<float> ax = Vector512.Abs(x);
        Vector512<float> e = Vector512.Exp(ax * Vector512.Create(-2f));
        Vector512<float> far = (Vector512<float>.One - e) / (Vector512<float>.One + e);
        Vector512<float> x2 = x * x;
        Vector512<float> poly = Simd.Fma(x2, Vector512.Create(C7), Vector512.Create(C5));
        poly = Simd.Fma(x2, poly, Vector512.Create(C3));
        Vector512<float> near = Simd.Fma(ax * x2, poly, ax);
        Vector512<float> magnitude = Vector512.ConditionalSelect(Vector512.LessThan(ax, Vector512.Create(TaylorLimit)), near, far);
        return magnitude | (x & Vector512.Create(-0f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhCore(Vector256<float> x)
    {
        Vector256<float> ax = Vector256.Abs(x);
        Vector256<float> e = Vector256.Exp(ax * Vector256.Create(-2f));
        Vector256<float> far = (Vector256<float>.One - e) / (Vector256<float>.One + e);
        Vector256<float> x2 = x * x;
        Vector256<float> poly = Simd.Fma(x2, Vector256.Create(C7), Vector256.Create(C5));
        poly = Simd.Fma(x2, poly, Vector256.Create(C3));
        Vector256<float> near = Simd.Fma(ax * x2, poly, ax);
        Vector256<float> magnitude = Vector256.ConditionalSelect(Vector256.LessThan(ax, Vector256.Create(TaylorLimit)), near, far);
        return magnitude | (x & Vector256.Create(-0f));
    }
#endif

    /// <summary><c>g = g·(1 - y²)</c>, where <paramref name="output"/> is the tanh's output.</summary>
    [MethodImpl(Hot.Path)]
    public static void TanhBackward(Span<float> gradient, ReadOnlySpan<float> output, KernelPath path = KernelPath.Auto)
    {
        int n = gradient.Length;
        if (output.Length < n) throw new ArgumentException($"{output.Length} outputs for {n} gradients.", nameof(output));
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float y = ref MemoryMarshal.GetReference(output);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> yv = Vector512.LoadUnsafe(ref y, (nuint)i);
                (Vector512.LoadUnsafe(ref g, (nuint)i) * (Vector512<float>.One - (yv * yv))).StoreUnsafe(ref g, (nuint)i);
            }
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> yv = Vector256.LoadUnsafe(ref y, (nuint)i);
                (Vector256.LoadUnsafe(ref g, (nuint)i) * (Vector256<float>.One - (yv * yv))).StoreUnsafe(ref g, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            float yv = Unsafe.Add(ref y, i);
            Unsafe.Add(ref g, i) *= 1f - (yv * yv);
        }
    }

    /// <summary>
    /// Inverted dropout's mask: each element is <c>1 / (1 - p)</c> when its uniform draw is at least
    /// <paramref name="probability"/>, else 0, so the expected activation is unchanged and inference
    /// needs no rescaling. The draws come from <paramref name="random"/>, one per element in order.
    /// </summary>
    [MethodImpl(Hot.Path)]
    public static void DropoutMask(Span<float> mask, double probability, ref Xoshiro256 random)
    {
        float scale = (float)(1.0 / (1.0 - probability));
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() >= probability ? scale : 0f;
        }
    }
}
