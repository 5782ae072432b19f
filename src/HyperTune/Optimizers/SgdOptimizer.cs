using System;
using System.Runtime.CompilerServices;
using HyperTune.Numerics;
using HyperTune.Optimizers;

namespace HyperTune;

/// <summary>
/// Plain stochastic gradient descent, as PyTorch's <c>torch.optim.SGD</c> without momentum:
/// <c>g = ∇ + wd·p; p -= lr·g</c>.
/// </summary>
public sealed class SgdOptimizer : IOptimizer
{
    private readonly float _weightDecay;

    /// <summary>Creates the optimiser. It keeps no state, so it fits any number of parameters.</summary>
    /// <param name="weightDecay">The L2 penalty added to the gradient (PyTorch's <c>weight_decay</c>).</param>
    public SgdOptimizer(double weightDecay = 0)
    {
        _weightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
    }

    /// <inheritdoc/>
    public OptimizerKind Kind => OptimizerKind.Sgd;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <summary>The L2 penalty.</summary>
    public double WeightDecay => _weightDecay;

    /// <inheritdoc/>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.Spans(parameters.Length, gradients.Length, -1);
        OptimizerKernels.Sgd(parameters, gradients, learningRate, _weightDecay);
        StepCount++;
    }

    /// <inheritdoc/>
    public void Reset() => StepCount = 0;
}
