using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;

namespace HyperTune.Optimizers;

/// <summary>
/// The state and the step that <see cref="MomentumOptimizer"/> and <see cref="NesterovOptimizer"/>
/// share: the momentum buffer, μ, the weight decay and the step count (the first step sets the
/// buffer to the gradient). A mutable struct held in a (non-readonly) field, so a step costs no
/// virtual call and no allocation.
/// </summary>
internal struct MomentumState
{
    private readonly AlignedBuffer<float> _buffer;

    /// <summary>
    /// Validates the arguments (in this order, naming each) and zeroes the buffer. Nesterov needs
    /// μ in (0, 1): with μ = 0 its look-ahead is plain SGD under another name.
    /// </summary>
    public MomentumState(int parameterCount, double momentum, double weightDecay, bool nesterov)
    {
        _buffer = new AlignedBuffer<float>(OptimizerGuard.ParameterCount(parameterCount));
        Momentum = !nesterov
            ? OptimizerGuard.Fraction(momentum, nameof(momentum))
            : momentum > 0 && momentum < 1
                ? (float)momentum
                : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Nesterov momentum needs a coefficient in (0, 1).");
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
    }

    public float Momentum { get; }

    public float WeightDecay { get; }

    public long StepCount { readonly get; private set; }

    /// <summary>One step of heavy-ball (<paramref name="nesterov"/> false) or Nesterov momentum.</summary>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate, bool nesterov)
    {
        OptimizerGuard.Spans(parameters.Length, gradients.Length, _buffer.Length);
        OptimizerKernels.Momentum(parameters, gradients, _buffer.Span, learningRate, Momentum, WeightDecay, nesterov, first: StepCount == 0);
        StepCount++;
    }

    public void Reset()
    {
        _buffer.Span.Clear();
        StepCount = 0;
    }

    /// <summary>Hands the buffer back to the pool (the run is over).</summary>
    public readonly void Recycle()
        => _buffer.Recycle();
}
