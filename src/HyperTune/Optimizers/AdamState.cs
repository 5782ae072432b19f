using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;

namespace HyperTune.Optimizers;

/// <summary>
/// The state and the bias-corrected step that <see cref="AdamOptimizer"/> and
/// <see cref="AdamWOptimizer"/> share: the two moments, β₁, β₂, ε, the weight decay and the step
/// count t. A mutable struct held in a (non-readonly) field, so a step costs no virtual call and no
/// allocation; the optimisers differ only in how they pass the decay to the kernel.
/// </summary>
internal struct AdamState
{
    private readonly AlignedBuffer<float> _first;
    private readonly AlignedBuffer<float> _second;
    private readonly float _beta1;
    private readonly float _beta2;
    private readonly float _epsilon;

    /// <summary>Validates the arguments (in this order, naming each) and zeroes the moments.</summary>
    public AdamState(int parameterCount, double weightDecay, double beta1, double beta2, double epsilon)
    {
        int count = OptimizerGuard.ParameterCount(parameterCount);
        // 64-byte aligned like the network's parameters and gradients, so that no Vector512 load
        // or store of the moments straddles two cache lines.
        _first = new AlignedBuffer<float>(count);
        _second = new AlignedBuffer<float>(count);
        WeightDecay = OptimizerGuard.NonNegative(weightDecay, nameof(weightDecay));
        _beta1 = OptimizerGuard.Fraction(beta1, nameof(beta1));
        _beta2 = OptimizerGuard.Fraction(beta2, nameof(beta2));
        _epsilon = OptimizerGuard.Positive(epsilon, nameof(epsilon));
    }

    public float WeightDecay { get; }

    public long StepCount { readonly get; private set; }

    /// <summary>
    /// One step: the bias corrections are computed in double from t, as PyTorch computes them in
    /// Python floats, then the fused kernel runs with the caller's decay (coupled for Adam, a
    /// shrink for AdamW).
    /// </summary>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate, float coupledDecay, float shrink)
    {
        OptimizerGuard.Spans(parameters.Length, gradients.Length, _first.Length);
        long step = StepCount + 1;
        double firstCorrection = 1.0 - Math.Pow(_beta1, step);
        double secondCorrection = 1.0 - Math.Pow(_beta2, step);
        float stepSize = (float)(learningRate / firstCorrection);
        float secondRoot = (float)Math.Sqrt(secondCorrection);
        OptimizerKernels.Adam(parameters, gradients, _first.Span, _second.Span, stepSize, secondRoot, _beta1, _beta2, _epsilon, coupledDecay, shrink);
        StepCount = step;
    }

    public void Reset()
    {
        _first.Span.Clear();
        _second.Span.Clear();
        StepCount = 0;
    }

    /// <summary>Hands the moments back to the pool (the run is over).</summary>
    public readonly void Recycle()
    {
        _first.Recycle();
        _second.Recycle();
    }
}
