using System.Runtime.CompilerServices;

namespace HyperTune.Numerics;

/// <summary>
/// The <see cref="MethodImplAttribute"/> of every method a training step or an evaluation runs
/// through: <see cref="MethodImplOptions.AggressiveOptimization"/>, so the JIT compiles it fully
/// optimised the first time it runs instead of starting at tier 0 and promoting it only after 30
/// calls and a quiet 100 ms. A tuning trial or a script trains for a second or two in a fresh
/// process: under tiering it would spend most of it in tier-0 kernels. The price is that these
/// methods get no dynamic PGO, which the kernels (straight-line SIMD loops with no virtual or
/// interface calls) do not need; the fresh-process and steady-state benchmarks check both sides
/// (docs/performance.md).
/// </summary>
/// <remarks>
/// Building with <c>-p:HyperTuneHotPaths=false</c> turns the attribute off (the value becomes
/// <c>0</c>, no option), so a benchmark can put both builds side by side.
/// </remarks>
internal static class Hot
{
#if HYPERTUNE_COLD_PATHS
    /// <summary>No option: the runtime's tiering decides, as for any method.</summary>
    public const MethodImplOptions Path = 0;
#else
    /// <summary>Compile fully optimised at the first call.</summary>
    public const MethodImplOptions Path = MethodImplOptions.AggressiveOptimization;
#endif
}
