using HyperTune.Numerics;

namespace HyperTune.Tests.Numerics;

/// <summary>Seeded random inputs and the kernel paths worth testing on this machine.</summary>
internal static class TestData
{
    /// <summary>Every path: forcing Vector512 without AVX-512 still runs (in software), so all are checked everywhere.</summary>
    public static TheoryData<TestPath> Paths => new() { TestPath.Vector512, TestPath.Vector, TestPath.Scalar, TestPath.Auto };

    public static float[] Uniform(int length, int seed, float low = -1f, float high = 1f)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = low + ((high - low) * random.NextSingle());
        return values;
    }

    public static double[] UniformDouble(int length, int seed, double low = -1, double high = 1)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = low + ((high - low) * random.NextDouble());
        return values;
    }
}
