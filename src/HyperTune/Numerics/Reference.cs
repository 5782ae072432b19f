using System;
using System.Numerics;

namespace HyperTune.Numerics;

/// <summary>
/// Plain scalar reference implementations of every kernel, generic over the element type. The SIMD
/// kernels are tested against these in <see cref="float"/>; the gradient check runs the network's
/// own backward pass through these in <see cref="double"/>, so the formulas the fast path runs are the
/// formulas finite differences verify.
/// </summary>
internal static class Reference
{
    /// <summary><c>C = A·B</c> (or <c>C += A·B</c>, or <c>C = A·B + bias</c>), A's element (i, p) at <c>a[i * aRow + p * aCol]</c>.</summary>
    public static void Gemm<T>(ReadOnlySpan<T> a, int aRow, int aCol, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, int m, int k, int n,
        GemmStart start, ReadOnlySpan<T> bias)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = start switch
                {
                    GemmStart.Accumulate => c[(i * ldc) + j],
                    GemmStart.Bias => bias[j],
                    _ => T.Zero,
                };
                for (int p = 0; p < k; p++)
                {
                    sum += a[(i * aRow) + (p * aCol)] * b[(p * ldb) + j];
                }

                c[(i * ldc) + j] = sum;
            }
        }
    }

    /// <summary><c>C[m x n] = A[m x k]·B[k x n]</c> as <see cref="Numerics.Gemm.MultiplyNN"/>.</summary>
    public static void MultiplyNN<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmStart start = GemmStart.Overwrite, ReadOnlySpan<T> bias = default)
        where T : IFloatingPointIeee754<T>
        => Gemm(a, k, 1, b, n, c, n, m, k, n, start, bias);

    /// <summary><c>C[m x n] = Aᵀ·B</c>, A stored <c>k x m</c>, as <see cref="Numerics.Gemm.MultiplyTN"/>.</summary>
    public static void MultiplyTN<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmStart start = GemmStart.Overwrite, ReadOnlySpan<T> bias = default)
        where T : IFloatingPointIeee754<T>
        => Gemm(a, 1, m, b, n, c, n, m, k, n, start, bias);

    /// <summary><c>C[m x n] = A·Bᵀ</c>, B stored <c>n x k</c>, as <see cref="Numerics.Gemm.MultiplyNT"/> (read in place, no scratch).</summary>
    public static void MultiplyNT<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n, GemmStart start = GemmStart.Overwrite)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = start == GemmStart.Accumulate ? c[(i * n) + j] : T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += a[(i * k) + p] * b[(j * k) + p];
                }

                c[(i * n) + j] = sum;
            }
        }
    }

    /// <summary>Adds <paramref name="bias"/> to every row of <paramref name="values"/> (rows of <c>bias.Length</c>).</summary>
    public static void AddBias<T>(Span<T> values, ReadOnlySpan<T> bias)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] += bias[i % bias.Length];
        }
    }

    /// <summary><c>sums[j] = Σ_i values[i, j]</c>: the bias gradient.</summary>
    public static void ColumnSums<T>(ReadOnlySpan<T> values, int rows, int cols, Span<T> sums)
        where T : IFloatingPointIeee754<T>
    {
        for (int j = 0; j < cols; j++)
        {
            T sum = T.Zero;
            for (int i = 0; i < rows; i++)
            {
                sum += values[(i * cols) + j];
            }

            sums[j] = sum;
        }
    }

    /// <summary><c>x = max(x, 0)</c>, NaN kept.</summary>
    public static void Relu<T>(Span<T> values)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.IsNaN(values[i]) || values[i] > T.Zero ? values[i] : T.Zero;
        }
    }

    /// <summary><c>g = y &gt; 0 ? g : 0</c> where y is the ReLU's output.</summary>
    public static void ReluBackward<T>(Span<T> gradient, ReadOnlySpan<T> output)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = output[i] > T.Zero ? gradient[i] : T.Zero;
        }
    }

    /// <summary><c>x = tanh(x)</c>.</summary>
    public static void Tanh<T>(Span<T> values)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.Tanh(values[i]);
        }
    }

    /// <summary><c>g = g·(1 - y²)</c> where y is the tanh's output.</summary>
    public static void TanhBackward<T>(Span<T> gradient, ReadOnlySpan<T> output)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= T.One - (output[i] * output[i]);
        }
    }

    /// <summary><c>destination = x ⊙ factors</c>, element by element (applying a dropout mask, forward and back).</summary>
    public static void Multiply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> factors, Span<T> destination)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = x[i] * factors[i];
        }
    }

    /// <summary>Inverted dropout's mask: each element kept (scaled by <c>1 / (1 - p)</c>) when its uniform draw is at least p, else 0.</summary>
    public static void DropoutMask<T>(Span<T> mask, double probability, ref Xoshiro256 random)
        where T : IFloatingPointIeee754<T>
    {
        T scale = T.CreateChecked(1.0 / (1.0 - probability));
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() >= probability ? scale : T.Zero;
        }
    }

    /// <summary>
    /// Softmax of each row of <paramref name="logits"/> in place (shifted by the row's maximum), the
    /// mean cross-entropy against <paramref name="labels"/>, and its gradient with respect to the
    /// logits: <c>(p - onehot) / rows</c>.
    /// </summary>
    public static T SoftmaxCrossEntropy<T>(Span<T> logits, ReadOnlySpan<int> labels, Span<T> gradient, int rows, int classes)
        where T : IFloatingPointIeee754<T>
    {
        T total = T.Zero;
        T invRows = T.One / T.CreateChecked(rows);
        for (int r = 0; r < rows; r++)
        {
            Span<T> row = logits.Slice(r * classes, classes);
            int label = labels[r];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Row {r} has label {label}; the model has {classes} classes (0 to {classes - 1}).");
            T max = row[0];
            for (int j = 1; j < classes; j++) max = T.Max(max, row[j]);
            T sum = T.Zero;
            T shiftedLabel = row[label] - max;
            for (int j = 0; j < classes; j++)
            {
                row[j] = T.Exp(row[j] - max);
                sum += row[j];
            }

            for (int j = 0; j < classes; j++)
            {
                row[j] /= sum;
                gradient[(r * classes) + j] = row[j] * invRows;
            }

            gradient[(r * classes) + label] -= invRows;
            total += T.Log(sum) - shiftedLabel;
        }

        return total / T.CreateChecked(rows);
    }

    /// <summary>Softmax of each row in place, shifted by the row's maximum.</summary>
    public static void Softmax<T>(Span<T> logits, int rows, int classes)
        where T : IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            Span<T> row = logits.Slice(r * classes, classes);
            T max = row[0];
            for (int j = 1; j < classes; j++) max = T.Max(max, row[j]);
            T sum = T.Zero;
            for (int j = 0; j < classes; j++)
            {
                row[j] = T.Exp(row[j] - max);
                sum += row[j];
            }

            for (int j = 0; j < classes; j++) row[j] /= sum;
        }
    }

    /// <summary>Mean squared error over all elements (PyTorch's <c>MSELoss</c>, mean reduction) and its gradient <c>2(p - t) / N</c>.</summary>
    public static T MeanSquaredError<T>(ReadOnlySpan<T> predictions, ReadOnlySpan<T> targets, Span<T> gradient)
        where T : IFloatingPointIeee754<T>
    {
        T total = T.Zero;
        T scale = T.CreateChecked(2.0 / predictions.Length);
        for (int i = 0; i < predictions.Length; i++)
        {
            T diff = predictions[i] - targets[i];
            total += diff * diff;
            gradient[i] = diff * scale;
        }

        return total / T.CreateChecked(predictions.Length);
    }
}
