using System;
using System.Numerics;
using HyperTune.Numerics;

namespace HyperTune.Network;

/// <summary>The scalar reference kernels over any IEEE type: the double-precision gradient check runs the network on these.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct ReferenceKernels<T> : ILayerKernels<T>
    where T : IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> b, Span<T> y, int rows, int inputs, int outputs)
        => Reference.MultiplyNN(x, w, y, rows, inputs, outputs, GemmStart.Bias, b);

    /// <inheritdoc/>
    public static void WeightGradient(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dw, int rows, int inputs, int outputs)
        => Reference.MultiplyTN(x, dy, dw, inputs, rows, outputs);

    /// <inheritdoc/>
    public static void InputGradient(ReadOnlySpan<T> dy, ReadOnlySpan<T> w, Span<T> dx, int rows, int inputs, int outputs, Span<T> scratch)
        => Reference.MultiplyNT(dy, w, dx, rows, outputs, inputs);

    /// <inheritdoc/>
    public static void ColumnSums(ReadOnlySpan<T> values, int rows, int cols, Span<T> sums) => Reference.ColumnSums(values, rows, cols, sums);

    /// <inheritdoc/>
    public static void Relu(Span<T> values) => Reference.Relu(values);

    /// <inheritdoc/>
    public static void ReluBackward(Span<T> gradient, ReadOnlySpan<T> output) => Reference.ReluBackward(gradient, output);

    /// <inheritdoc/>
    public static void Tanh(Span<T> values) => Reference.Tanh(values);

    /// <inheritdoc/>
    public static void TanhBackward(Span<T> gradient, ReadOnlySpan<T> output) => Reference.TanhBackward(gradient, output);

    /// <inheritdoc/>
    public static void Multiply(ReadOnlySpan<T> x, ReadOnlySpan<T> factors, Span<T> destination) => Reference.Multiply(x, factors, destination);

    /// <inheritdoc/>
    public static void DropoutMask(Span<T> mask, double probability, ref Xoshiro256 random) => Reference.DropoutMask(mask, probability, ref random);

    /// <inheritdoc/>
    public static T SoftmaxCrossEntropy(Span<T> logits, ReadOnlySpan<int> labels, Span<T> gradient, int rows, int classes)
        => Reference.SoftmaxCrossEntropy(logits, labels, gradient, rows, classes);

    /// <inheritdoc/>
    public static void Softmax(Span<T> logits, int rows, int classes) => Reference.Softmax(logits, rows, classes);

    /// <inheritdoc/>
    public static T MeanSquaredError(ReadOnlySpan<T> predictions, ReadOnlySpan<T> targets, Span<T> gradient)
        => Reference.MeanSquaredError(predictions, targets, gradient);
}
