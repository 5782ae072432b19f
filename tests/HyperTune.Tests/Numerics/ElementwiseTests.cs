using HyperTune.Numerics;

namespace HyperTune.Tests.Numerics;

/// <summary>Every element-wise kernel against its scalar reference, on every path, at lengths that hit each loop and tail.</summary>
public class ElementwiseTests
{
    public static TheoryData<int, TestPath> Cases()
    {
        var data = new TheoryData<int, TestPath>();
        foreach (TestPath path in new[] { TestPath.Vector512, TestPath.Vector, TestPath.Scalar })
        {
            foreach (int length in new[] { 1, 7, 8, 15, 16, 17, 24, 31, 33, 100, 1000 }) data.Add(length, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Relu_matches_reference(int length, TestPath path)
    {
        float[] x = TestData.Uniform(length, length);
        float[] expected = (float[])x.Clone();
        Reference.Relu<float>(expected);
        Elementwise.Relu(x, (KernelPath)path);
        Assert.Equal(expected, x);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Relu_keeps_NaN_so_the_loop_guard_sees_it(int length, TestPath path)
    {
        float[] x = TestData.Uniform(length, length);
        x[length - 1] = float.NaN;
        x[0] = float.NaN;
        Elementwise.Relu(x, (KernelPath)path);
        Assert.True(float.IsNaN(x[0]) && float.IsNaN(x[length - 1]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReluBackward_matches_reference(int length, TestPath path)
    {
        float[] y = TestData.Uniform(length, 1);
        Reference.Relu<float>(y);
        float[] g = TestData.Uniform(length, 2);
        float[] expected = (float[])g.Clone();
        Reference.ReluBackward<float>(expected, y);
        Elementwise.ReluBackward(g, y, (KernelPath)path);
        Assert.Equal(expected, g);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tanh_matches_reference(int length, TestPath path)
    {
        // Spread over the Taylor branch, the exp branch and saturation.
        float[] x = TestData.Uniform(length, 3, -12f, 12f);
        for (int i = 0; i < length; i += 3) x[i] *= 0.01f;
        float[] expected = (float[])x.Clone();
        Reference.Tanh<float>(expected);
        Elementwise.Tanh(x, (KernelPath)path);
        for (int i = 0; i < length; i++)
        {
            Assert.True(Math.Abs(x[i] - expected[i]) <= 4e-7f * Math.Max(1e-3f, Math.Abs(expected[i])) + 1e-9f,
                $"tanh at {i}: {x[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData(TestPath.Vector512)]
    [InlineData(TestPath.Vector)]
    public void Tanh_is_odd_saturates_and_keeps_NaN(TestPath path)
    {
        float[] x = [0f, -0f, 1e-30f, -1e-30f, 0.125f, -0.125f, 50f, -50f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 0.5f, -0.5f, 3f, -3f, 1f];
        Elementwise.Tanh(x, (KernelPath)path);
        Assert.Equal(0f, x[0]);
        Assert.Equal(1e-30f, x[2]);
        Assert.Equal(-x[4], x[5]);
        Assert.Equal(1f, x[6]);
        Assert.Equal(-1f, x[7]);
        Assert.Equal(1f, x[8]);
        Assert.Equal(-1f, x[9]);
        Assert.True(float.IsNaN(x[10]));
        Assert.Equal(-x[11], x[12]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TanhBackward_matches_reference(int length, TestPath path)
    {
        float[] y = TestData.Uniform(length, 4);
        float[] g = TestData.Uniform(length, 5);
        float[] expected = (float[])g.Clone();
        Reference.TanhBackward<float>(expected, y);
        Elementwise.TanhBackward(g, y, (KernelPath)path);
        Assert.Equal(expected, g);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Multiply_matches_reference(int length, TestPath path)
    {
        float[] x = TestData.Uniform(length, 6), f = TestData.Uniform(length, 7);
        var expected = new float[length];
        var actual = new float[length];
        Reference.Multiply<float>(x, f, expected);
        Elementwise.Multiply(x, f, actual, (KernelPath)path);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AddBias_matches_reference(int length, TestPath path)
    {
        float[] bias = TestData.Uniform(length, 8);
        float[] x = TestData.Uniform(length * 3, 9);
        float[] expected = (float[])x.Clone();
        Reference.AddBias<float>(expected, bias);
        Elementwise.AddBias(x, bias, (KernelPath)path);
        Assert.Equal(expected, x);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ColumnSums_match_reference(int cols, TestPath path)
    {
        const int rows = 5;
        float[] x = TestData.Uniform(rows * cols, 10);
        var expected = new float[cols];
        float[] actual = Enumerable.Repeat(99f, cols).ToArray();
        Reference.ColumnSums<float>(x, rows, cols, expected);
        Elementwise.ColumnSums(x, rows, cols, actual, (KernelPath)path);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DropoutMask_is_inverted_seeded_and_drops_about_p()
    {
        var random = new Xoshiro256(7);
        var mask = new float[100_000];
        Elementwise.DropoutMask(mask, 0.25, ref random);
        Assert.All(mask, v => Assert.True(v == 0f || v == 1f / 0.75f));
        double dropped = mask.Count(v => v == 0f) / (double)mask.Length;
        Assert.InRange(dropped, 0.24, 0.26);

        var again = new Xoshiro256(7);
        var reference = new double[mask.Length];
        Reference.DropoutMask<double>(reference, 0.25, ref again);
        for (int i = 0; i < mask.Length; i++) Assert.Equal(reference[i] == 0, mask[i] == 0);
    }

    [Fact]
    public void Zero_dropout_keeps_everything_unscaled()
    {
        var random = new Xoshiro256(1);
        var mask = new float[1000];
        Elementwise.DropoutMask(mask, 0, ref random);
        Assert.All(mask, v => Assert.Equal(1f, v));
    }
}
