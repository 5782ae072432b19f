using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace HyperTune.Benchmarks.Training;

/// <summary>
/// This machine's single-core FMA peak: Vector512 fused multiply-adds on 12 independent accumulator
/// chains (Zen 5: 2 FMA pipes x 4 cycles latency = 8 chains needed to hide it; 12 leave headroom),
/// nothing else in the loop but the counter. Every training figure is divided by this rate.
/// </summary>
[Config(typeof(TrainingBenchmarkConfig))]
[MemoryDiagnoser]
public class FmaPeakBenchmark
{
    private const int Iterations = 1_000_000;
    private const int Chains = 12;

    /// <summary>FLOPs one invocation performs: iterations x chains x 16 lanes x 2 (multiply and add).</summary>
    public const double FlopsPerInvoke = (double)Iterations * Chains * 16 * 2;

    private float _multiplier = 0.999999f;
    private float _addend = 1e-7f;

    [Benchmark]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float FmaPeak()
    {
        Vector512<float> m = Vector512.Create(_multiplier), c = Vector512.Create(_addend);
        Vector512<float> a0 = Vector512<float>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        Vector512<float> a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }

        Vector512<float> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11));
        return Vector512.Sum(sum);
    }
}
