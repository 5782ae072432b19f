using HyperTune.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace HyperTune.Tests.Numerics;

/// <summary>The three matrix products against MathNet.Numerics (in double), on shapes that hit every tile and tail.</summary>
public class GemmTests
{
    /// <summary>m, k, n: 1x1, odd sizes, one past a tile/panel/depth block, and the network shapes.</summary>
    public static TheoryData<int, int, int, TestPath> Shapes()
    {
        var data = new TheoryData<int, int, int, TestPath>();
        int[][] shapes =
        [
            [1, 1, 1], [7, 13, 5], [7, 5, 13], [13, 7, 17], [65, 129, 33], [65, 33, 129], [6, 128, 64], [12, 129, 80],
            [5, 300, 10], [8, 40, 70], [14, 9, 21], [32, 64, 128], [32, 128, 10], [64, 10, 128], [128, 32, 10], [3, 2, 200], [17, 1, 31],
        ];
        foreach (TestPath path in new[] { TestPath.Vector512, TestPath.Vector512Packed, TestPath.Vector, TestPath.Scalar })
        {
            foreach (int[] s in shapes) data.Add(s[0], s[1], s[2], path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyNN_matches_MathNet(int m, int k, int n, TestPath path)
    {
        float[] a = TestData.Uniform(m * k, 1), b = TestData.Uniform(k * n, 2);
        var c = new float[m * n];
        Gemm.MultiplyNN(a, b, c, m, k, n, path: (KernelPath)path);
        AssertProduct(ToMatrix(a, m, k) * ToMatrix(b, k, n), Abs(a, m, k) * Abs(b, k, n), c, k);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyTN_matches_MathNet(int m, int k, int n, TestPath path)
    {
        float[] a = TestData.Uniform(k * m, 3), b = TestData.Uniform(k * n, 4);
        var c = new float[m * n];
        Gemm.MultiplyTN(a, b, c, m, k, n, path: (KernelPath)path);
        AssertProduct(ToMatrix(a, k, m).TransposeThisAndMultiply(ToMatrix(b, k, n)), Abs(a, k, m).TransposeThisAndMultiply(Abs(b, k, n)), c, k);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyNT_matches_MathNet(int m, int k, int n, TestPath path)
    {
        float[] a = TestData.Uniform(m * k, 5), b = TestData.Uniform(n * k, 6);
        var c = new float[m * n];
        var scratch = new float[k * n];
        Gemm.MultiplyNT(a, b, c, m, k, n, scratch, path: (KernelPath)path);
        AssertProduct(ToMatrix(a, m, k).TransposeAndMultiply(ToMatrix(b, n, k)), Abs(a, m, k).TransposeAndMultiply(Abs(b, n, k)), c, k);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Bias_start_adds_the_bias_to_every_row(int m, int k, int n, TestPath path)
    {
        float[] a = TestData.Uniform(m * k, 7), b = TestData.Uniform(k * n, 8), bias = TestData.Uniform(n, 9);
        var c = new float[m * n];
        Gemm.MultiplyNN(a, b, c, m, k, n, GemmStart.Bias, bias, (KernelPath)path);
        Matrix<double> expected = ToMatrix(a, m, k) * ToMatrix(b, k, n);
        Matrix<double> magnitude = Abs(a, m, k) * Abs(b, k, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                expected[i, j] += bias[j];
                magnitude[i, j] += Math.Abs(bias[j]);
            }
        }

        AssertProduct(expected, magnitude, c, k + 1);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Accumulate_start_adds_to_C(int m, int k, int n, TestPath path)
    {
        float[] a = TestData.Uniform(m * k, 10), b = TestData.Uniform(k * n, 11), c = TestData.Uniform(m * n, 12);
        Matrix<double> expected = ToMatrix(a, m, k) * ToMatrix(b, k, n) + ToMatrix(c, m, n);
        Matrix<double> magnitude = Abs(a, m, k) * Abs(b, k, n) + Abs(c, m, n);
        Gemm.MultiplyTN(Transpose(a, m, k), b, c, m, k, n, GemmStart.Accumulate, path: (KernelPath)path);
        AssertProduct(expected, magnitude, c, k + 1);
    }

    [Fact]
    public void Zero_depth_leaves_the_start_value()
    {
        var c = new float[] { 5, 5, 5, 5, 5, 5 };
        Gemm.MultiplyNN([], [], c, 2, 0, 3, GemmStart.Bias, [1, 2, 3]);
        Assert.Equal(new float[] { 1, 2, 3, 1, 2, 3 }, c);
        Gemm.MultiplyNN([], [], c, 2, 0, 3);
        Assert.All(c, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Products_write_only_their_m_by_n_block()
    {
        var c = Enumerable.Repeat(42f, 7 * 13 + 5).ToArray();
        Gemm.MultiplyNN(TestData.Uniform(7 * 3, 1), TestData.Uniform(3 * 13, 2), c, 7, 3, 13);
        Assert.All(c[^5..], v => Assert.Equal(42f, v));
    }

    [Fact]
    public void Short_buffers_are_rejected_with_their_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.MultiplyNN(new float[5], new float[6], new float[4], 2, 3, 2));
        Assert.Contains("2 x 3", error.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(19, 37)]
    [InlineData(128, 10)]
    [InlineData(10, 128)]
    [InlineData(64, 136)]
    public void Transpose_matches_MathNet(int rows, int cols)
    {
        float[] source = TestData.Uniform(rows * cols, 13);
        var destination = new float[source.Length];
        Gemm.Transpose(source, rows, cols, destination);
        Matrix<double> expected = ToMatrix(source, rows, cols).Transpose();
        for (int i = 0; i < cols; i++)
        {
            for (int j = 0; j < rows; j++) Assert.Equal(expected[i, j], destination[(i * rows) + j]);
        }
    }

    internal static float[] Transpose(float[] source, int rows, int cols)
    {
        var result = new float[source.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++) result[(j * rows) + i] = source[(i * cols) + j];
        }

        return result;
    }

    private static Matrix<double> ToMatrix(float[] values, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (i, j) => values[(i * cols) + j]);

    private static Matrix<double> Abs(float[] values, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (i, j) => Math.Abs(values[(i * cols) + j]));

    /// <summary>Each element within the float rounding bound of a k-term sum: k · 2⁻²⁴ · Σ|a||b|.</summary>
    private static void AssertProduct(Matrix<double> expected, Matrix<double> magnitude, float[] actual, int terms)
    {
        int n = expected.ColumnCount;
        for (int i = 0; i < expected.RowCount; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double tolerance = (terms + 1) * 6e-8 * magnitude[i, j] + 1e-30;
                double error = Math.Abs(actual[(i * n) + j] - expected[i, j]);
                Assert.True(error <= tolerance, $"C[{i}, {j}] = {actual[(i * n) + j]}, expected {expected[i, j]} (error {error:g3} > {tolerance:g3}).");
            }
        }
    }
}
