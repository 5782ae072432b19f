using System;
using HyperTune.Numerics;

namespace HyperTune.Network;

/// <summary>The single-precision SIMD kernels: what <see cref="DenseNetwork"/> runs.</summary>
internal readonly struct SimdKernels : ILayerKernels<float>
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> y, int rows, int inputs, int outputs)
        => Gemm.MultiplyNN(x, w, y, rows, inputs, outputs, GemmStart.Bias, b);

    /// <inheritdoc/>
    public static void WeightGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dw, int rows, int inputs, int outputs)
        => Gemm.MultiplyTN(x, dy, dw, inputs, rows, outputs);

    /// <inheritdoc/>
    public static void InputGradient(ReadOnlySpan<float> dy, ReadOnlySpan<float> w, Span<float> dx, int rows, int inputs, int outputs, Span<float> scratch)
        => Gemm.MultiplyNT(dy, w, dx, rows, outputs, inputs, scratch);

    /// <inheritdoc/>
    public static void ColumnSums(ReadOnlySpan<float> values, int rows, int cols, Span<float> sums) => Elementwise.ColumnSums(values, rows, cols, sums);

    /// <inheritdoc/>
    public static void Relu(Span<float> values) => Elementwise.Relu(values);

    /// <inheritdoc/>
    public static void ReluBackward(Span<float> gradient, ReadOnlySpan<float> output) => Elementwise.ReluBackward(gradient, output);

    /// <inheritdoc/>
    public static void Tanh(Span<float> values) => Elementwise.Tanh(values);

    /// <inheritdoc/>
    public static void TanhBackward(Span<float> gradient, ReadOnlySpan<float> output) => Elementwise.TanhBackward(gradient, output);

    /// <inheritdoc/>
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> factors, Span<float> destination) => Elementwise.Multiply(x, factors, destination);

    /// <inheritdoc/>
    public static void DropoutMask(Span<float> mask, double probability, ref Xoshiro256 random) => Elementwise.DropoutMask(mask, probability, ref random);

    /// <inheritdoc/>
    public static float SoftmaxCrossEntropy(Span<float> logits, ReadOnlySpan<int> labels, Span<float> gradient, int rows, int classes)
        => Losses.SoftmaxCrossEntropy(logits, labels, gradient, rows, classes);

    /// <inheritdoc/>
    public static void Softmax(Span<float> logits, int rows, int classes) => Losses.Softmax(logits, rows, classes);

    /// <inheritdoc/>
    public static float MeanSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient)
        => Losses.MeanSquaredError(predictions, targets, gradient);
}
