using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HyperTune.Numerics;

/// <summary>
/// The output layers' losses in single precision: softmax with cross-entropy (numerically stable:
/// each row is shifted by its maximum before the exponential) and mean squared error, each returning
/// the mean loss and writing the gradient of that mean with respect to the network's outputs.
/// </summary>
/// <remarks>
/// A softmax row is short (ten classes), so the exponentials run over the whole batch as one flat
/// array (after the per-row shift), which keeps the vector units full; the sums and the per-row
/// bookkeeping stay scalar. Per-row partial sums are accumulated in double.
/// </remarks>
internal static class Losses
{
    /// <summary>
    /// Softmax of each row of <paramref name="logits"/> in place, the mean cross-entropy against
    /// <paramref name="labels"/>, and its gradient <c>(p - onehot) / rows</c> in <paramref name="gradient"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is not a class index; the message names the row.</exception>
    [MethodImpl(Hot.Path)]
    public static float SoftmaxCrossEntropy(Span<float> logits, ReadOnlySpan<int> labels, Span<float> gradient, int rows, int classes,
        KernelPath path = KernelPath.Auto)
    {
        int n = rows * classes;
        if (logits.Length < n || gradient.Length < n || labels.Length < rows)
            throw new ArgumentException($"{rows} rows of {classes} classes need {n} logits and gradients and {rows} labels.", nameof(logits));
        double shiftedLabels = 0;
        for (int r = 0; r < rows; r++)
        {
            int label = labels[r];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Row {r} has label {label}; the model has {classes} classes (0 to {classes - 1}).");
            Span<float> row = logits.Slice(r * classes, classes);
            Shift(row);
            shiftedLabels += row[label];
        }

        Exp(logits.Slice(0, n), path);
        double logSums = Normalise(logits, rows, classes);
        float invRows = 1f / rows;
        Scale(logits.Slice(0, n), invRows, gradient.Slice(0, n), path);
        for (int r = 0; r < rows; r++)
        {
            gradient[(r * classes) + labels[r]] -= invRows;
        }

        return (float)((logSums - shiftedLabels) / rows);
    }

    /// <summary>Softmax of each row of <paramref name="logits"/> in place (inference).</summary>
    [MethodImpl(Hot.Path)]
    public static void Softmax(Span<float> logits, int rows, int classes, KernelPath path = KernelPath.Auto)
    {
        int n = rows * classes;
        if (logits.Length < n) throw new ArgumentException($"{rows} rows of {classes} classes need {n} logits.", nameof(logits));
        for (int r = 0; r < rows; r++)
        {
            Shift(logits.Slice(r * classes, classes));
        }

        Exp(logits.Slice(0, n), path);
        Normalise(logits, rows, classes);
    }

    /// <summary>
    /// Mean squared error over all elements (PyTorch's <c>MSELoss</c> with mean reduction) and its
    /// gradient <c>2(p - t) / N</c>.
    /// </summary>
    [MethodImpl(Hot.Path)]
    public static float MeanSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient, KernelPath path = KernelPath.Auto)
    {
        int n = predictions.Length;
        if (targets.Length != n || gradient.Length < n)
            throw new ArgumentException($"{n} predictions need as many targets (not {targets.Length}) and gradients (not {gradient.Length}).", nameof(targets));
        ref float p = ref MemoryMarshal.GetReference(predictions);
        ref float t = ref MemoryMarshal.GetReference(targets);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        float scale = (float)(2.0 / n);
        double total = 0;
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            Vector512<float> sum = Vector512<float>.Zero;
            Vector512<float> s = Vector512.Create(scale);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> diff = Vector512.LoadUnsafe(ref p, (nuint)i) - Vector512.LoadUnsafe(ref t, (nuint)i);
                sum = Simd.Fma(diff, diff, sum);
                (diff * s).StoreUnsafe(ref g, (nuint)i);
            }

            total += Vector512.Sum(sum);
        }

        if (path != KernelPath.Scalar)
        {
            Vector256<float> sum = Vector256<float>.Zero;
            Vector256<float> s = Vector256.Create(scale);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> diff = Vector256.LoadUnsafe(ref p, (nuint)i) - Vector256.LoadUnsafe(ref t, (nuint)i);
                sum = Simd.Fma(diff, diff, sum);
                (diff * s).StoreUnsafe(ref g, (nuint)i);
            }

            total += Vector256.Sum(sum);
        }

        for (; i < n; i++)
        {
            float diff = Unsafe.Add(ref p, i) - Unsafe.Add(ref t, i);
            total += diff * diff;
            Unsafe.Add(ref g, i) = diff * scale;
        }

        return (float)(total / n);
    }

    /// <summary>Subtracts the row's maximum from every element, so the largest exponent is 0.</summary>
    [MethodImpl(Hot.Path)]
    private static void Shift(Span<float> row)
    {
        float max = row[0];
        for (int j = 1; j < row.Length; j++)
        {
            max = MathF.Max(max, row[j]);
        }

        for (int j = 0; j < row.Length; j++)
        {
            row[j] -= max;
        }
    }

    /// <summary>Divides each row by its sum; returns Σ log(sum) over the rows.</summary>
    [MethodImpl(Hot.Path)]
    private static double Normalise(Span<float> values, int rows, int classes)
    {
        double logSums = 0;
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = values.Slice(r * classes, classes);
            float sum = 0f;
            for (int j = 0; j < row.Length; j++)
            {
                sum += row[j];
            }

            float inverse = 1f / sum;
            for (int j = 0; j < row.Length; j++)
            {
                row[j] *= inverse;
            }

            logSums += Math.Log(sum);
        }

        return logSums;
    }

    /// <summary><c>destination = x · factor</c>.</summary>
    [MethodImpl(Hot.Path)]
    private static void Scale(ReadOnlySpan<float> x, float factor, Span<float> destination, KernelPath path)
    {
        int n = x.Length;
        ref float a = ref MemoryMarshal.GetReference(x);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            Vector512<float> f = Vector512.Create(factor);
            for (; i + 16 <= n; i += 16) (Vector512.LoadUnsafe(ref a, (nuint)i) * f).StoreUnsafe(ref d, (nuint)i);
        }

        if (path != KernelPath.Scalar)
        {
            Vector256<float> f = Vector256.Create(factor);
            for (; i + 8 <= n; i += 8) (Vector256.LoadUnsafe(ref a, (nuint)i) * f).StoreUnsafe(ref d, (nuint)i);
        }

        for (; i < n; i++) Unsafe.Add(ref d, i) = Unsafe.Add(ref a, i) * factor;
    }

    /// <summary>
    /// <c>x = exp(x)</c> in place, within 2 ulp: the classic single-precision method (Cephes'
    /// <c>expf</c>): <c>n = round(x·log₂e)</c>, <c>r = x - n·ln 2</c> in two parts (Cody and Waite),
    /// a degree-7 polynomial for <c>exp(r)</c> on [-ln 2 / 2, ln 2 / 2], and <c>2ⁿ</c> built from
    /// exponent bits in two halves (so that results near the overflow and denormal ends are right).
    /// The vector widths and the scalar tail run the same operations, so a value's result does not
    /// depend on where it sits. Ours rather than <c>Vector512.Exp</c>: the runtime's generic vector
    /// math is not precompiled, and until tiering promotes it a fresh process runs it at tier 0, tens
    /// of times slower, in every softmax.
    /// </summary>
    [MethodImpl(Hot.Path)]
    internal static void Exp(Span<float> values, KernelPath path = KernelPath.Auto)
    {
        int n = values.Length;
        ref float x = ref MemoryMarshal.GetReference(values);
        int i = 0;
#if NET9_0_OR_GREATER
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16) ExpCore(Vector512.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref x, (nuint)i);
        }

        if (path != KernelPath.Scalar && Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= n; i += 8) ExpCore(Vector256.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref x, (nuint)i);
        }
#else
        _ = path;
#endif

        for (; i < n; i++) Unsafe.Add(ref x, i) = ExpCore(Unsafe.Add(ref x, i));
    }

    // exp's constants: the clamp (below -103.98 the result is 0 in float; above 88.73, infinity), log2(e),
    // ln 2 in two parts (the first exact in 9 bits, so n·Ln2High is exact for |n| < 2^15), and the
    // polynomial's coefficients (Cephes' expf minimax fit of (exp(r) - 1 - r) / r² on [-ln2/2, ln2/2]).
    private const float ExpLowest = -103.972084f;
    private const float ExpHighest = 88.7228394f;
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float P0 = 1.9875691500e-4f;
    private const float P1 = 1.3981999507e-3f;
    private const float P2 = 8.3334519073e-3f;
    private const float P3 = 4.1665795894e-2f;
    private const float P4 = 1.6666665459e-1f;
    private const float P5 = 5.0000001201e-1f;

#if NET9_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpCore(Vector512<float> x)
    {
        Vector512<float> clamped = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(ExpLowest - 1)), Vector512.Create(ExpHighest + 1));
        Vector512<float> k = Vector512.Round(clamped * Vector512.Create(Log2E));
        Vector512<float> r = Simd.Fma(k, Vector512.Create(-Ln2High), clamped);
        r = Simd.Fma(k, Vector512.Create(-Ln2Low), r);
        Vector512<float> p = Simd.Fma(Vector512.Create(P0), r, Vector512.Create(P1));
        p = Simd.Fma(p, r, Vector512.Create(P2));
        p = Simd.Fma(p, r, Vector512.Create(P3));
        p = Simd.Fma(p, r, Vector512.Create(P4));
        p = Simd.Fma(p, r, Vector512.Create(P5));
        p = Simd.Fma(p, r * r, r) + Vector512<float>.One;
        Vector512<int> exponent = Vector512.ConvertToInt32(k);
        Vector512<int> half = Vector512.ShiftRightArithmetic(exponent, 1);
        Vector512<float> scaleA = Vector512.ShiftLeft(half + Vector512.Create(127), 23).AsSingle();
        Vector512<float> scaleB = Vector512.ShiftLeft(exponent - half + Vector512.Create(127), 23).AsSingle();
        Vector512<float> result = p * scaleA * scaleB;
        result = Vector512.AndNot(result, Vector512.LessThan(x, Vector512.Create(ExpLowest)));
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(ExpHighest)), Vector512.Create(float.PositiveInfinity), result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpCore(Vector256<float> x)
    {
        Vector256<float> clamped = Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(ExpLowest - 1)), Vector256.Create(ExpHighest + 1));
        Vector256<float> k = Vector256.Round(clamped * Vector256.Create(Log2E));
        Vector256<float> r = Simd.Fma(k, Vector256.Create(-Ln2High), clamped);
        r = Simd.Fma(k, Vector256.Create(-Ln2Low), r);
        Vector256<float> p = Simd.Fma(Vector256.Create(P0), r, Vector256.Create(P1));
        p = Simd.Fma(p, r, Vector256.Create(P2));
        p = Simd.Fma(p, r, Vector256.Create(P3));
        p = Simd.Fma(p, r, Vector256.Create(P4));
        p = Simd.Fma(p, r, Vector256.Create(P5));
        p = Simd.Fma(p, r * r, r) + Vector256<float>.One;
        Vector256<int> exponent = Vector256.ConvertToInt32(k);
        Vector256<int> half = Vector256.ShiftRightArithmetic(exponent, 1);
        Vector256<float> scaleA = Vector256.ShiftLeft(half + Vector256.Create(127), 23).AsSingle();
        Vector256<float> scaleB = Vector256.ShiftLeft(exponent - half + Vector256.Create(127), 23).AsSingle();
        Vector256<float> result = p * scaleA * scaleB;
        result = Vector256.AndNot(result, Vector256.LessThan(x, Vector256.Create(ExpLowest)));
        result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(ExpHighest)), Vector256.Create(float.PositiveInfinity), result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

#endif

    /// <summary>The vector lanes' operations on one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float ExpCore(float x)
    {
        if (float.IsNaN(x)) return x;
        if (x < ExpLowest) return 0f;
        if (x > ExpHighest) return float.PositiveInfinity;
        float k = MathF.Round(x * Log2E);
        float r = MathF.FusedMultiplyAdd(k, -Ln2High, x);
        r = MathF.FusedMultiplyAdd(k, -Ln2Low, r);
        float p = MathF.FusedMultiplyAdd(P0, r, P1);
        p = MathF.FusedMultiplyAdd(p, r, P2);
        p = MathF.FusedMultiplyAdd(p, r, P3);
        p = MathF.FusedMultiplyAdd(p, r, P4);
        p = MathF.FusedMultiplyAdd(p, r, P5);
        p = MathF.FusedMultiplyAdd(p, r * r, r) + 1f;
        int exponent = (int)k;
        int half = exponent >> 1;
        float scaleA = BitConverter.Int32BitsToSingle((half + 127) << 23);
        float scaleB = BitConverter.Int32BitsToSingle((exponent - half + 127) << 23);
        return p * scaleA * scaleB;
    }
}
