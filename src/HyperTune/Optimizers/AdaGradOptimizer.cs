using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;
using HyperTune.Optimizers;

namespace HyperTune;

/// <summary>
/// AdaGrad (Duchi, Hazan and Singer 2011) as PyTorch's <c>torch.optim.Adagrad</c> (lr_decay 0, initial
/// accumulator 0): <c>g = ∇ + wd·p; s += g²; p -= lr·g / (√s + ε)</c>.
/// </summary>
public sealed class AdaGradOptimizer : IOptimizer, IRecyclable
{
    private readonly AlignedBuffer<float> _sum;
    private readonly float _epsilon;
    private readonly float _weightDecay;

    /// <summary>Creates the optimiser with a zeroed accumulator for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Parameters of the model it will update.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient.</param>
    /// <param name="epsilon">Added to the root for stability (PyTorch's default 1e-10).</param>
    public AdaGradOptimizer(int parameterCount, double weightDecay = 0, double epsilon = 1e-10)
    {
        _sum = new AlignedBuffer<float>(OptimizerGuard.ParameterCount(parameterCount));
        _weightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        _epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
    }

    /// <inheritdoc/>
    public OptimizerKind Kind => OptimizerKind.AdaGrad;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <summary>The L2 penalty.</summary>
    public double WeightDecay => _weightDecay;

    /// <inheritdoc/>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.Spans(parameters.Length, gradients.Length, _sum.Length);
        OptimizerKernels.ScaledBySquares(parameters, gradients, _sum.Span, learningRate, decay: 1f, scale: 1f, _epsilon, _weightDecay);
        StepCount++;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _sum.Span.Clear();
        StepCount = 0;
    }

    /// <inheritdoc/>
    void IRecyclable.Recycle()
        => _sum.Recycle();
}
