using System;
using System.Numerics;
using HyperTune.Numerics;

namespace HyperTune.Network;

/// <summary>
/// The kernels a dense network's forward and backward passes are made of, as static members so
/// that <see cref="MlpCore{T, TKernels}"/> over a struct implementation is specialised and inlined
/// by the JIT: no dispatch per call. <see cref="SimdKernels"/> runs the network; the
/// <see cref="ReferenceKernels{T}"/> in double precision let the gradient check run the very same
/// backward pass against finite differences.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal interface ILayerKernels<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary><c>y[rows x outputs] = x[rows x inputs] · w[inputs x outputs] + b</c>.</summary>
    static abstract void Forward(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> y, int rows, int inputs, int outputs);

    /// <summary><c>dw[inputs x outputs] = xᵀ · dy</c>.</summary>
    static abstract void WeightGradient(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dw, int rows, int inputs, int outputs);

    /// <summary><c>dx[rows x inputs] = dy · wᵀ</c>; <paramref name="scratch"/> holds at least <c>inputs x outputs</c>.</summary>
    static abstract void InputGradient(ReadOnlySpan<T> dy, ReadOnlySpan<T> w, Span<T> dx, int rows, int inputs, int outputs, Span<T> scratch);

    /// <summary><c>sums[j] = Σ_i values[i, j]</c>.</summary>
    static abstract void ColumnSums(ReadOnlySpan<T> values, int rows, int cols, Span<T> sums);

    /// <summary>ReLU in place.</summary>
    static abstract void Relu(Span<T> values);

    /// <summary>ReLU's backward pass given its output.</summary>
    static abstract void ReluBackward(Span<T> gradient, ReadOnlySpan<T> output);

    /// <summary>tanh in place.</summary>
    static abstract void Tanh(Span<T> values);

    /// <summary>tanh's backward pass given its output.</summary>
    static abstract void TanhBackward(Span<T> gradient, ReadOnlySpan<T> output);

    /// <summary><c>destination = x ⊙ factors</c>.</summary>
    static abstract void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> factors, Span<T> destination);

    /// <summary>Draws an inverted-dropout mask.</summary>
    static abstract void DropoutMask(Span<T> mask, double probability, ref Xoshiro256 random);

    /// <summary>Softmax in place, mean cross-entropy, and its gradient.</summary>
    static abstract T SoftmaxCrossEntropy(Span<T> logits, ReadOnlySpan<int> labels, Span<T> gradient, int rows, int classes);

    /// <summary>Softmax in place.</summary>
    static abstract void Softmax(Span<T> logits, int rows, int classes);

    /// <summary>Mean squared error and its gradient.</summary>
    static abstract T MeanSquaredError(ReadOnlySpan<T> predictions, ReadOnlySpan<T> targets, Span<T> gradient);
}
