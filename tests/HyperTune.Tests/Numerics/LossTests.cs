using HyperTune.Numerics;

namespace HyperTune.Tests.Numerics;

/// <summary>Softmax + cross-entropy and mean squared error against their scalar references, and their numerical behaviour.</summary>
public class LossTests
{
    public static TheoryData<int, int, TestPath> Cases()
    {
        var data = new TheoryData<int, int, TestPath>();
        foreach (TestPath path in new[] { TestPath.Vector512, TestPath.Vector, TestPath.Scalar })
        {
            data.Add(1, 2, path);
            data.Add(3, 10, path);
            data.Add(7, 3, path);
            data.Add(32, 10, path);
            data.Add(5, 17, path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SoftmaxCrossEntropy_matches_reference(int rows, int classes, TestPath path)
    {
        float[] logits = TestData.Uniform(rows * classes, rows + classes, -8f, 8f);
        int[] labels = Enumerable.Range(0, rows).Select(r => (r * 7) % classes).ToArray();
        double[] expectedProbabilities = logits.Select(v => (double)v).ToArray();
        var expectedGradient = new double[logits.Length];
        double expectedLoss = Reference.SoftmaxCrossEntropy<double>(expectedProbabilities, labels, expectedGradient, rows, classes);

        var gradient = new float[logits.Length];
        float loss = Losses.SoftmaxCrossEntropy(logits, labels, gradient, rows, classes, (KernelPath)path);

        Assert.Equal(expectedLoss, loss, 5e-6 * Math.Max(1, expectedLoss));
        for (int i = 0; i < logits.Length; i++)
        {
            Assert.Equal(expectedProbabilities[i], logits[i], 1e-6);
            Assert.Equal(expectedGradient[i], gradient[i], 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Softmax_matches_reference_and_rows_sum_to_one(int rows, int classes, TestPath path)
    {
        float[] logits = TestData.Uniform(rows * classes, 3, -20f, 20f);
        double[] expected = logits.Select(v => (double)v).ToArray();
        Reference.Softmax<double>(expected, rows, classes);
        Losses.Softmax(logits, rows, classes, (KernelPath)path);
        for (int i = 0; i < logits.Length; i++) Assert.Equal(expected[i], logits[i], 1e-6);
        for (int r = 0; r < rows; r++) Assert.Equal(1.0, logits.AsSpan(r * classes, classes).ToArray().Sum(), 1e-5);
    }

    [Fact]
    public void SoftmaxCrossEntropy_is_stable_for_huge_logits()
    {
        float[] logits = [1000f, -1000f, 999f, 88.8f, 89f, 88f];
        var gradient = new float[6];
        float loss = Losses.SoftmaxCrossEntropy(logits, [1, 2], gradient, 2, 3);
        Assert.True(float.IsFinite(loss));
        // Row 0: label 1 lies 2000 below the max: the loss is 2000 + log(1 + e^-1).
        double row0 = 2000 + Math.Log(1 + Math.Exp(-1));
        double row1 = -88 + Math.Log(Math.Exp(88.8 - 89) + 1 + Math.Exp(88 - 89)) + 89;
        Assert.Equal((row0 + row1) / 2, loss, 1e-2);
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void A_label_outside_the_classes_names_the_row()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Losses.SoftmaxCrossEntropy(new float[6], [0, 3], new float[6], 2, 3));
        Assert.Contains("Row 1", error.Message);
    }

    [Theory]
    [InlineData(1, TestPath.Vector512)]
    [InlineData(7, TestPath.Vector512)]
    [InlineData(33, TestPath.Vector512)]
    [InlineData(33, TestPath.Vector)]
    [InlineData(33, TestPath.Scalar)]
    [InlineData(100, TestPath.Auto)]
    public void MeanSquaredError_matches_reference(int length, TestPath path)
    {
        float[] p = TestData.Uniform(length, 1), t = TestData.Uniform(length, 2);
        var expectedGradient = new double[length];
        double expected = Reference.MeanSquaredError<double>(p.Select(v => (double)v).ToArray(), t.Select(v => (double)v).ToArray(), expectedGradient);
        var gradient = new float[length];
        float loss = Losses.MeanSquaredError(p, t, gradient, (KernelPath)path);
        Assert.Equal(expected, loss, 1e-6);
        for (int i = 0; i < length; i++) Assert.Equal(expectedGradient[i], gradient[i], 1e-6);
    }

    /// <summary>Our exp against double-precision exp: within 2 ulp over the whole finite range, and the edges exact.</summary>
    [Theory]
    [MemberData(nameof(TestData.Paths), MemberType = typeof(TestData))]
    public void Exp_is_within_two_ulp_of_the_true_value(TestPath path)
    {
        var values = new List<float>();
        for (float x = -110f; x <= 90f; x += 0.0137f) values.Add(x);
        values.AddRange([0f, -0f, 1f, -1f, 88.72f, 88.7228394f, 88.73f, -87.33f, -103.97f, -103.98f, -200f, 200f,
            float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.Epsilon, -float.Epsilon, 1e-30f]);
        float[] actual = values.ToArray();
        Losses.Exp(actual, (KernelPath)path);
        for (int i = 0; i < actual.Length; i++)
        {
            float x = values[i];
            float expected = (float)Math.Exp(x);
            if (float.IsNaN(x))
            {
                Assert.True(float.IsNaN(actual[i]));
                continue;
            }

            // 2 ulp of the expected value (of the smallest denormal below the normal range).
            float ulp = Math.Max(MathF.BitIncrement(expected) - expected, float.Epsilon);
            Assert.True(Math.Abs(actual[i] - expected) <= 2 * ulp || (float.IsPositiveInfinity(expected) && float.IsPositiveInfinity(actual[i])),
                $"exp({x:R}) = {actual[i]:R}, expected {expected:R}");
        }
    }

    /// <summary>A value's exp does not depend on the path nor on where it sits (vector lanes, the tail).</summary>
    [Fact]
    public void Exp_gives_the_same_bits_on_every_path_and_position()
    {
        float[] values = TestData.Uniform(203, 9, -30f, 5f);
        float[] scalar = (float[])values.Clone();
        Losses.Exp(scalar, KernelPath.Scalar);
        foreach (KernelPath path in new[] { KernelPath.Vector512, KernelPath.Vector, KernelPath.Auto })
        {
            for (int offset = 0; offset < 3; offset++)
            {
                float[] shifted = values[offset..];
                Losses.Exp(shifted, path);
                Assert.Equal(scalar[offset..], shifted);
            }
        }
    }
}
