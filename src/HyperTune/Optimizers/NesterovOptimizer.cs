using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;
using HyperTune.Optimizers;

namespace HyperTune;

/// <summary>
/// SGD with Nesterov momentum (Sutskever et al. 2013) as PyTorch formulates it
/// (<c>torch.optim.SGD(momentum=μ, nesterov=True)</c>, dampening 0): <c>g = ∇ + wd·p; buf = μ·buf + g</c>
/// (the first step sets <c>buf = g</c>); <c>p -= lr·(g + μ·buf)</c>.
/// </summary>
/// <remarks>A buffer that decays below 2⁻¹²⁶ (the smallest normal float) is stored as zero, as TensorFlow's CPU kernels do: subnormal arithmetic costs the processor a microcode assist per operation, and such a buffer moves no parameter larger than about 1e-30.</remarks>
public sealed class NesterovOptimizer : IOptimizer, IRecyclable
{
    private MomentumState _state;

    /// <summary>Creates the optimiser with a zeroed momentum buffer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Parameters of the model it will update.</param>
    /// <param name="momentum">The momentum coefficient μ, in (0, 1).</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient (PyTorch's <c>weight_decay</c>).</param>
    public NesterovOptimizer(int parameterCount, double momentum = 0.9, double weightDecay = 0)
        => _state = new MomentumState(parameterCount, momentum, weightDecay, nesterov: true);

    /// <inheritdoc/>
    public OptimizerKind Kind => OptimizerKind.Nesterov;

    /// <inheritdoc/>
    public long StepCount => _state.StepCount;

    /// <summary>The momentum coefficient.</summary>
    public double Momentum => _state.Momentum;

    /// <summary>The L2 penalty.</summary>
    public double WeightDecay => _state.WeightDecay;

    /// <inheritdoc/>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
        => _state.Step(parameters, gradients, learningRate, nesterov: true);

    /// <inheritdoc/>
    public void Reset()
        => _state.Reset();

    /// <inheritdoc/>
    void IRecyclable.Recycle()
        => _state.Recycle();
}
