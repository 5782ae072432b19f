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
    /// <param name="beta1">Adam's first-moment decay rate β1 (PyTorch's <c>betas[0]</c>), in [0, 1); used by <see cref="OptimizerKind.Adam"/> and <see cref="OptimizerKind.AdamW"/> only.</param>
    /// <param name="beta2">Adam's second-moment decay rate β2 (PyTorch's <c>betas[1]</c>), in [0, 1); Adam and AdamW only.</param>
    /// <param name="epsilon">Adam's ε (PyTorch's <c>eps</c>), above 0; Adam and AdamW only.</param>
    /// <returns>A new optimiser with fresh state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind, or a setting out of its range; the message names it.</exception>
    public static IOptimizer Create(OptimizerKind kind, int parameterCount, double momentum = 0.9, double weightDecay = 0,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) => kind switch
    {
        OptimizerKind.Sgd => new SgdOptimizer(weightDecay),
        OptimizerKind.Momentum => new MomentumOptimizer(parameterCount, momentum, weightDecay),
        OptimizerKind.Nesterov => new NesterovOptimizer(parameterCount, momentum, weightDecay),
        OptimizerKind.AdaGrad => new AdaGradOptimizer(parameterCount, weightDecay),
        OptimizerKind.RmsProp => new RmsPropOptimizer(parameterCount, weightDecay),
        OptimizerKind.Adam => new AdamOptimizer(parameterCount, weightDecay, beta1, beta2, epsilon),
        OptimizerKind.AdamW => new AdamWOptimizer(parameterCount, weightDecay, beta1, beta2, epsilon),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimiser kind."),
    };

    /// <summary>
    /// The learning rate an optimiser conventionally starts from when none is given, as Keras and
    /// PyTorch set it: 0.01 for SGD, momentum, Nesterov and AdaGrad; 0.001 for RMSProp, Adam and AdamW.
    /// </summary>
    /// <param name="kind">The update rule.</param>
    /// <returns>The default learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind.</exception>
    public static double DefaultLearningRate(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd or OptimizerKind.Momentum or OptimizerKind.Nesterov or OptimizerKind.AdaGrad => 0.01,
        OptimizerKind.RmsProp or OptimizerKind.Adam or OptimizerKind.AdamW => 0.001,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimiser kind."),
    };
}
