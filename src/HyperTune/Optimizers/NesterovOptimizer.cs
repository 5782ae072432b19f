using System;
using HyperTune.Optimizers;

namespace HyperTune;

/// <summary>
/// SGD with Nesterov momentum (Sutskever et al. 2013) as PyTorch formulates it
/// (<c>torch.optim.SGD(momentum=μ, nesterov=True)</c>, dampening 0): <c>g = ∇ + wd·p; buf = μ·buf + g</c>
/// (the first step sets <c>buf = g</c>); <c>p -= lr·(g + μ·buf)</c>.
/// </summary>
public sealed class NesterovOptimizer : IOptimizer
{
    private readonly float[] _buffer;
    private readonly float _momentum;
    private readonly float _weightDecay;

    /// <summary>Creates the optimiser with a zeroed momentum buffer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Parameters of the model it will update.</param>
    /// <param name="momentum">The momentum coefficient μ, in (0, 1).</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient (PyTorch's <c>weight_decay</c>).</param>
    public NesterovOptimizer(int parameterCount, double momentum = 0.9, double weightDecay = 0)
    {
        _buffer = new float[OptimizerGuard.ParameterCount(parameterCount)];
        _momentum = momentum > 0 && momentum < 1 ? (float)momentum : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Nesterov momentum needs a coefficient in (0, 1).");
        _weightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
    }

    /// <inheritdoc/>
    public OptimizerKind Kind => OptimizerKind.Nesterov;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <summary>The momentum coefficient.</summary>
    public double Momentum => _momentum;

    /// <summary>The L2 penalty.</summary>
    public double WeightDecay => _weightDecay;

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.Spans(parameters.Length, gradients.Length, _buffer.Length);
        OptimizerKernels.Momentum(parameters, gradients, _buffer, learningRate, _momentum, _weightDecay, nesterov: true, first: StepCount == 0);
        StepCount++;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_buffer);
        StepCount = 0;
    }
}
