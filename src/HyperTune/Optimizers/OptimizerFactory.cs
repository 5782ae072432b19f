using System;

namespace HyperTune;

/// <summary>
/// Builds the optimiser an <see cref="OptimizerKind"/> names, once per run: the loop then calls
/// <see cref="IOptimizer.Step"/> on it every step (one interface call a step; the update itself is
/// one fused pass). Other settings take PyTorch's defaults; construct the concrete type to change them.
/// </summary>
public static class OptimizerFactory
{
    /// <summary>Creates the optimiser for <paramref name="kind"/>.</summary>
    /// <param name="kind">The update rule.</param>
    /// <param name="parameterCount">Parameters of the model it will update (its state's size).</param>
    /// <param name="momentum">The momentum coefficient; used by <see cref="OptimizerKind.Momentum"/> and <see cref="OptimizerKind.Nesterov"/> only.</param>
    /// <param name="weightDecay">The weight decay: coupled (an L2 term in the gradient) for all kinds but
    /// <see cref="OptimizerKind.AdamW"/>, where it is decoupled (<c>p *= 1 - lr·wd</c>).</param>
    /// <returns>A new optimiser with fresh state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind, or a setting out of its range; the message names it.</exception>
    public static IOptimizer Create(OptimizerKind kind, int parameterCount, double momentum = 0.9, double weightDecay = 0) => kind switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(weightDecay),
        OptimizerKind.Momentum => new MomentumOptimizer(parameterCount, momentum, weightDecay),
        OptimizerKind.Nesterov => new NesterovOptimizer(parameterCount, momentum, weightDecay),
        OptimizerKind.AdaGrad => new AdaGradOptimizer(parameterCount, weightDecay),
        OptimizerKind.RmsProp => new RmsPropOptimizer(parameterCount, weightDecay),
        OptimizerKind.Adam => new AdamOptimizer(parameterCount, weightDecay),
        OptimizerKind.AdamW => new AdamWOptimizer(parameterCount, weightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimiser kind."),
    };
}
