using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HyperTune.Optimizers;

/// <summary>
/// Optimiser state that decays (Adam's moments, RMSProp's mean square, the momentum buffer) is stored
/// as zero once it falls below the smallest normal float, 2⁻¹²⁶. Why: a parameter whose gradient is
/// zero (the incoming weights of a dead ReLU unit, a fitted model) has its state multiplied by β each
/// step, and every multiply whose result is subnormal costs the processor a microcode assist, tens of
/// times an ordinary one. Adam's v takes about 16,000 steps to decay through the subnormal range at
/// β₂ = 0.999: a run that had fitted its data (784-256-10, batch 32) measured 222 µs a step with 2,000-5,000
/// subnormal moments against 180 µs flushed. TensorFlow flushes subnormals on the CPU by default, PyTorch
/// with <c>torch.set_flush_denormal(True)</c>; here only the state is flushed, never parameters or gradients.
/// </summary>
/// <remarks>
/// What flushing can change: a flushed first moment or momentum buffer moved its parameter by at most
/// lr·2⁻¹²⁶/ε (about 1e-30 at ε = 1e-8), which shows only on parameters that small. A flushed square
/// (Adam's v, RMSProp's mean square) moves the denominator <c>√v·c + ε</c> by at most √(2·2⁻¹²⁶)·c, so it
/// is flushed only while that is under a quarter of ε's last place (<see cref="ForDenominator"/>): the
/// denominator then rounds to the same float unless its exact value lies that close to a rounding
/// boundary. PyTorch's default ε (1e-8 for Adam and RMSProp) always qualifies; below about 1e-10 the
/// state is kept exact. AdaGrad's sum never decays, so it is not flushed. Every kernel path flushes the
/// same elements to +0, so paths and thread counts still agree bit for bit.
/// </remarks>
internal static class SubnormalFlush
{
    /// <summary>2⁻¹²⁶, the smallest normal float: the threshold when flushing applies.</summary>
    public const float MinNormal = 1.17549435E-38f;

    /// <summary>√(2·2⁻¹²⁶) = 2⁻⁶²·⁵: the most a flushed square (and what it would have added later) moves its root.</summary>
    private const float LargestFlushedRoot = 1.5333e-19f;

    /// <summary>2⁻²⁵: a quarter of a float's last place, relative.</summary>
    private const float QuarterUlp = 2.9802322e-8f;

    /// <summary>
    /// The threshold for a square that enters a denominator <c>√s·scale + ε</c>: <see cref="MinNormal"/> when
    /// flushing it cannot move the denominator by a quarter of ε's last place, else 0 (nothing is flushed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ForDenominator(float epsilon, float scale)
        => LargestFlushedRoot * scale <= epsilon * QuarterUlp ? MinNormal : 0f;

    /// <summary>x, or +0 where |x| is below <paramref name="below"/> (a NaN is kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Apply(Vector512<float> x, Vector512<float> below)
        => Vector512.AndNot(x, Vector512.LessThan(Vector512.Abs(x), below));

    /// <inheritdoc cref="Apply(Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply(Vector256<float> x, Vector256<float> below)
        => Vector256.AndNot(x, Vector256.LessThan(Vector256.Abs(x), below));

    /// <inheritdoc cref="Apply(Vector512{float}, Vector512{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Apply(float x, float below)
        => MathF.Abs(x) < below ? 0f : x;
}
