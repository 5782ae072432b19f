namespace HyperTune.Numerics;

/// <summary>
/// Which implementation a kernel runs. Production code passes <see cref="Auto"/>; tests force each
/// path so that every one is checked against the scalar reference on any machine that can run it.
/// </summary>
internal enum KernelPath
{
    /// <summary>The widest path the hardware accelerates.</summary>
    Auto = 0,

    /// <summary>Explicit <c>Vector512</c> code (AVX-512).</summary>
    Vector512 = 1,

    /// <summary><c>Vector&lt;T&gt;</c> / <c>Vector256</c> code: the portable SIMD fallback.</summary>
    Vector = 2,

    /// <summary>Plain scalar loops.</summary>
    Scalar = 3,

    /// <summary>
    /// The Vector512 GEMM without AVX-512 masked moves: the code .NET 8 runs for a matrix's last
    /// columns (packed through stack panels). Only the GEMM distinguishes it from <see cref="Vector512"/>.
    /// </summary>
    Vector512Packed = 4,
}
