using System;
using System.Runtime.CompilerServices;
using HyperTune.Network;
using HyperTune.Numerics;
using HyperTune.Optimizers;

namespace HyperTune;

/// <summary>
/// Adam (Kingma and Ba 2015, Algorithm 1, bias-corrected) as PyTorch's <c>torch.optim.Adam</c>:
/// <c>g = ∇ + wd·p; m = β₁m + (1 - β₁)g; v = β₂v + (1 - β₂)g²;
/// p -= (lr / (1 - β₁ᵗ)) · m / (√v / √(1 - β₂ᵗ) + ε)</c>. The weight decay is coupled (an L2 term in
/// the gradient); see <see cref="AdamWOptimizer"/> for the decoupled form.
/// </summary>
/// <remarks>The step count t lives here: the bias corrections are computed in double each step, as PyTorch computes them in Python floats.
/// State that decays below 2⁻¹²⁶ (the smallest normal float) is stored as zero, as TensorFlow's CPU kernels do: subnormal arithmetic costs the processor a microcode assist per operation. The square is flushed only while that cannot move the denominator (always at ε ≥ about 1e-10), so the parameters come out with the same bits (tested through the whole subnormal range).</remarks>
public sealed class AdamOptimizer : IOptimizer, IRecyclable
{
    private AdamState _state;

    /// <summary>Creates the optimiser with zeroed moments for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Parameters of the model it will update.</param>
    /// <param name="weightDecay">The L2 penalty added to the gradient (coupled).</param>
    /// <param name="beta1">The first moment's decay β₁ (default 0.9), in [0, 1).</param>
    /// <param name="beta2">The second moment's decay β₂ (default 0.999), in [0, 1).</param>
    /// <param name="epsilon">Added to the corrected root for stability (default 1e-8).</param>
    public AdamOptimizer(int parameterCount, double weightDecay = 0, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        => _state = new AdamState(parameterCount, weightDecay, beta1, beta2, epsilon);

    /// <inheritdoc/>
    public OptimizerKind Kind => OptimizerKind.Adam;

    /// <inheritdoc/>
    public long StepCount => _state.StepCount;

    /// <summary>The weight decay.</summary>
    public double WeightDecay => _state.WeightDecay;

    /// <inheritdoc/>
    [MethodImpl(Hot.Path)]
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
        => _state.Step(parameters, gradients, learningRate, coupledDecay: _state.WeightDecay, shrink: 1f);

    /// <inheritdoc/>
    public void Reset()
        => _state.Reset();

    /// <inheritdoc/>
    void IRecyclable.Recycle()
        => _state.Recycle();
}
