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

    /// <summary><c>x = exp(x)</c> in place; the vector exp needs .NET 9.</summary>
    internal static void Exp(Span<float> values, KernelPath path = KernelPath.Auto)
    {
        int n = values.Length;
        ref float x = ref MemoryMarshal.GetReference(values);
        int i = 0;
#if NET9_0_OR_GREATER
        path = Simd.Resolve(path);
        if (path == KernelPath.Vector512)
        {
            for (; i + 16 <= n; i += 16) Vector512.Exp(Vector512.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref x, (nuint)i);
        }

        if (path != KernelPath.Scalar)
        {
            for (; i + 8 <= n; i += 8) Vector256.Exp(Vector256.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref x, (nuint)i);
        }
#endif
        for (; i < n; i++) Unsafe.Add(ref x, i) = MathF.Exp(Unsafe.Add(ref x, i));
    }
}
