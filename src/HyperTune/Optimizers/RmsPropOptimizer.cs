using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;
using HyperTune.Optimizers;

namespace HyperTune;

/// <summary>
/// RMSProp (Hinton, lecture 6e) as PyTorch's <c>torch.optim.RMSprop</c> (not centred, no momentum):
/// <c>g = ∇ + wd·p; s = α·s + (1 - α)·g²; p -= lr·g / (√s + ε)</c>.
/// </summary>
/// <remarks>State that decays below 2⁻¹²⁶ (the smallest normal float) is stored as zero, as TensorFlow's CPU kernels do: subnormal arithmetic costs the processor a microcode assist per operation. The square is flushed only while that cannot move the denominator (always at ε ≥ about 1e-10), so the parameters come out with the same bits (tested through the whole subnormal range).</remarks>
public sealed class RmsPropOptimizer : IOptimizer, IRecyclable
{
    private readonly AlignedBuffer<float> _square;
    private readonly float _alpha;
    private readonly float _epsilon;
    private readonly float _weightDecay;

    /// <summary>Creates the optimiser with a zeroed square average for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Parameters of the model it will update.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient.</param>
    /// <param name="alpha">The smoothing constant α (PyTorch's default 0.99), in [0, 1).</param>
    /// <param name="epsilon">Added to the root for stability (PyTorch's default 1e-8).</param>
    public RmsPropOptimizer(int parameterCount, double weightDecay = 0, double alpha = 0.99, double epsilon = 1e-8)
    {
        _square = new AlignedBuffer<float>(OptimizerGuard.ParameterCount(parameterCount));
        _weightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        _alpha = OptimizerGuard.Fraction(alpha, nameof(alpha));
        _epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc/>
    public OptimizerKind Kind => OptimizerKind.RmsProp;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <summary>The L2 penalty.</summary>
    public double WeightDecay => _weightDecay;

    /// <inheritdoc/>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.Spans(parameters.Length, gradients.Length, _square.Length);
        OptimizerKernels.ScaledBySquares(parameters, gradients, _square.Span, learningRate, decay: _alpha, scale: 1f - _alpha, _epsilon, _weightDecay);
        StepCount++;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _square.Span.Clear();
        StepCount = 0;
    }

    /// <inheritdoc/>
    void IRecyclable.Recycle()
        => _square.Recycle();
}
