using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace HyperTune.Numerics;

/// <summary>
/// Fused multiply-add over each vector width, and the choice of code path. On .NET 8 the portable
/// <c>FusedMultiplyAdd</c> APIs do not exist yet, so the x86 intrinsic is used where present.
/// </summary>
internal static class Simd
{
    /// <summary>The widest path this machine accelerates.</summary>
    public static KernelPath Best
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.IsHardwareAccelerated ? KernelPath.Vector512
        : Vector.IsHardwareAccelerated ? KernelPath.Vector
        : KernelPath.Scalar;
    }

    /// <summary>
    /// Resolves <see cref="KernelPath.Auto"/> to <see cref="Best"/>, and <see cref="KernelPath.Vector512Packed"/>
    /// (a GEMM-only distinction) to <see cref="KernelPath.Vector512"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelPath Resolve(KernelPath path) => path switch
    {
        KernelPath.Auto => Best,
        KernelPath.Vector512Packed => KernelPath.Vector512,
        _ => path,
    };

    /// <summary><c>a * b + c</c>, rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c)
    {
#if NET9_0_OR_GREATER
        return Vector512.FusedMultiplyAdd(a, b, c);
#else
        return Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#endif
    }

    /// <summary><c>a * b + c</c>, rounded once where the hardware fuses it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c)
    {
#if NET9_0_OR_GREATER
        return Vector256.FusedMultiplyAdd(a, b, c);
#else
        return System.Runtime.Intrinsics.X86.Fma.IsSupported ? System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif
    }

    /// <summary><c>a * b + c</c> over <see cref="Vector{T}"/>, fused on .NET 9 and later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Fma(Vector<float> a, Vector<float> b, Vector<float> c)
    {
#if NET9_0_OR_GREATER
        return Vector.FusedMultiplyAdd(a, b, c);
#else
        return (a * b) + c;
#endif
    }
}
