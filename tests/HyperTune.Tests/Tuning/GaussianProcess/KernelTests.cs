using HyperTune.Tuning.GaussianProcess;
using MathNet.Numerics.LinearAlgebra;

namespace HyperTune.Tests.Tuning.GaussianProcess;

/// <summary>The Matérn-5/2 kernel, its derivative, its vectorised form and the ARD/Hamming distances; the dense algebra against MathNet.</summary>
public class KernelTests
{
    [Fact]
    public void Matern52_is_one_at_zero_and_matches_its_closed_form()
    {
        Assert.Equal(1, Matern52Kernel.Value(0), 15);
        foreach (double d in new[] { 0.01, 0.3, 1, 2.5, 7 })
        {
            double r = Math.Sqrt(5) * d;
            Assert.Equal((1 + r + (r * r / 3)) * Math.Exp(-r), Matern52Kernel.Value(d * d), 14);
        }
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(0.05)]
    [InlineData(0.7)]
    [InlineData(3)]
    [InlineData(20)]
    public void Derivative_in_r2_matches_finite_differences(double r2)
    {
        double h = 1e-6 * Math.Max(r2, 1e-3);
        double numeric = (Matern52Kernel.Value(r2 + h) - Matern52Kernel.Value(r2 - h)) / (2 * h);
        Assert.Equal(numeric, Matern52Kernel.Derivative(r2), 7);
    }

    [Fact]
    public void Derivative_at_zero_is_the_finite_limit()
    {
        Assert.Equal(-5.0 / 6, Matern52Kernel.Derivative(0), 15);
        Assert.Equal((Matern52Kernel.Value(1e-9) - 1) / 1e-9, Matern52Kernel.Derivative(0), 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(101)]
    public void Vectorised_evaluation_matches_the_scalar_one(int length)
    {
        var random = new Random(length);
        var r2 = new double[length];
        for (int i = 0; i < length; i++)
        {
            r2[i] = i == 0 ? 0 : 30 * random.NextDouble() * random.NextDouble();
        }

        var value = new double[length];
        var slope = new double[length];
        Matern52Kernel.Evaluate(r2, value, slope);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(Matern52Kernel.Value(r2[i]), value[i], 14);
            Assert.Equal(Matern52Kernel.Derivative(r2[i]), slope[i], 14);
        }
    }

    [Fact]
    public void Squared_distances_weight_numeric_differences_and_count_categorical_mismatches()
    {
        var random = new Random(3);
        bool[] categorical = { false, true, false };
        double[] weights = { 2, 5, 0.5 };
        const int count = 13;
        var rows = new double[count, 3];
        var columns = new double[3 * count];
        for (int i = 0; i < count; i++)
        {
            rows[i, 0] = random.NextDouble();
            rows[i, 1] = random.Next(3);
            rows[i, 2] = random.NextDouble();
            for (int d = 0; d < 3; d++)
            {
                columns[(d * count) + i] = rows[i, d];
            }
        }

        double[] x = { 0.3, 1, 0.9 };
        var r2 = new double[count];
        Matern52Kernel.SquaredDistances(x, columns, count, weights, categorical, r2);
        for (int i = 0; i < count; i++)
        {
            double expected = (2 * Math.Pow(x[0] - rows[i, 0], 2)) + (rows[i, 1] == 1 ? 0 : 5) + (0.5 * Math.Pow(x[2] - rows[i, 2], 2));
            Assert.Equal(expected, r2[i], 13);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(33)]
    public void Cholesky_inverse_and_solve_match_MathNet(int n)
    {
        var a = TestMatrices.KernelMatrix(n, seed: n);
        var l = new double[n * n];
        Assert.True(DenseLinearAlgebra.Cholesky(a, l, n));
        var reference = Matrix<double>.Build.Dense(n, n, (i, j) => a[(i * n) + j]);
        var factor = reference.Cholesky().Factor;
        var inverse = reference.Inverse();
        var u = new double[n * n];
        var ours = new double[n * n];
        DenseLinearAlgebra.InverseTransposeOfLower(l, u, n);
        DenseLinearAlgebra.InverseFromInverseFactor(u, ours, n);
        var b = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var z = new double[n];
        DenseLinearAlgebra.SolveLower(l, b, z, n);
        var expectedZ = factor.Solve(Vector<double>.Build.DenseOfArray(b));
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(expectedZ[i], z[i], 8);
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(factor[i, j], l[(i * n) + j], 10);
                Assert.Equal(inverse[i, j], ours[(i * n) + j], 6);
            }
        }
    }

    [Fact]
    public void Cholesky_refuses_a_matrix_that_is_not_positive_definite()
    {
        double[] a = { 1, 2, 2, 1 };
        Assert.False(DenseLinearAlgebra.Cholesky(a, new double[4], 2));
    }
}

internal static class TestMatrices
{
    /// <summary>A Matérn kernel matrix of random points in 3 dimensions with a small nugget: symmetric positive definite.</summary>
    public static double[] KernelMatrix(int n, int seed)
    {
        var random = new Random(seed);
        var points = new double[n * 3];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = random.NextDouble();
        }

        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double r2 = 0;
                for (int d = 0; d < 3; d++)
                {
                    double diff = points[(i * 3) + d] - points[(j * 3) + d];
                    r2 += 3 * diff * diff;
                }

                a[(i * n) + j] = (1.5 * Matern52Kernel.Value(r2)) + (i == j ? 1e-3 : 0);
            }
        }

        return a;
    }
}
