using HyperTune.Tuning.GaussianProcess;
using MathNet.Numerics.LinearAlgebra;

namespace HyperTune.Tests.Tuning.GaussianProcess;

/// <summary>The posterior against a direct computation, and its gradients against finite differences.</summary>
public class PosteriorTests
{
    private static readonly bool[] s_categorical = { false, true, false };

    [Fact]
    public void Mean_and_variance_match_a_direct_computation()
    {
        var (points, y) = MarginalLikelihoodTests.Data(10, seed: 5);
        var parameters = new KernelParameters(new[] { 4.0, 0.8, 2.0 }, 1.3, 1e-3);
        using var posterior = new GaussianProcessPosterior(points, 10, 3, y, s_categorical, parameters);
        var c = MarginalLikelihoodTests.Covariance(points, 10, parameters);
        double[] x = { 0.42, 2, 0.17 };
        var k = Vector<double>.Build.Dense(10, i =>
        {
            double r2 = (4 * Math.Pow(x[0] - points[i * 3], 2)) + (x[1] == points[(i * 3) + 1] ? 0 : 0.8) + (2 * Math.Pow(x[2] - points[(i * 3) + 2], 2));
            return 1.3 * Matern52Kernel.Value(r2);
        });
        double expectedMean = k.DotProduct(c.Solve(Vector<double>.Build.DenseOfArray(y)));
        double expectedVariance = 1.3 - k.DotProduct(c.Solve(k));
        double mean = posterior.Predict(x, out double variance);
        Assert.Equal(expectedMean, mean, 9);
        Assert.Equal(expectedVariance, variance, 9);
        double mean2 = posterior.Predict(x, out double variance2, new double[3], new double[3]);
        Assert.Equal(mean, mean2, 12);
        Assert.Equal(variance, variance2, 12);
    }

    [Fact]
    public void Gradients_match_finite_differences_in_numeric_coordinates()
    {
        var (points, y) = MarginalLikelihoodTests.Data(12, seed: 6);
        var parameters = new KernelParameters(new[] { 6.0, 1.0, 3.0 }, 0.9, 1e-4);
        using var posterior = new GaussianProcessPosterior(points, 12, 3, y, s_categorical, parameters);
        double[] x = { 0.31, 1, 0.77 };
        var meanGradient = new double[3];
        var varianceGradient = new double[3];
        posterior.Predict(x, out _, meanGradient, varianceGradient);
        Assert.Equal(0, meanGradient[1]);
        foreach (int d in new[] { 0, 2 })
        {
            const double h = 1e-6;
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[d] += h;
            minus[d] -= h;
            double mp = posterior.Predict(plus, out double vp), mm = posterior.Predict(minus, out double vm);
            Assert.Equal((mp - mm) / (2 * h), meanGradient[d], 6);
            Assert.Equal((vp - vm) / (2 * h), varianceGradient[d], 6);
        }
    }

    [Theory]
    [InlineData(1, 9)]
    [InlineData(4, 9)]
    [InlineData(11, 9)]
    [InlineData(9, 37)]
    [InlineData(8, 64)]
    public void PredictMany_matches_Predict(int count, int n)
    {
        var (points, y) = MarginalLikelihoodTests.Data(n, seed: 7);
        var parameters = new KernelParameters(new[] { 5.0, 1.0, 0.5 }, 1.1, 1e-3);
        using var posterior = new GaussianProcessPosterior(points, n, 3, y, s_categorical, parameters);
        var random = new Random(count);
        var queries = new double[count * 3];
        for (int i = 0; i < count; i++)
        {
            queries[i * 3] = random.NextDouble();
            queries[(i * 3) + 1] = random.Next(3);
            queries[(i * 3) + 2] = random.NextDouble();
        }

        var means = new double[count];
        var variances = new double[count];
        posterior.PredictMany(queries, double.NegativeInfinity, means, variances);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(posterior.Predict(queries.AsSpan(i * 3, 3), out double variance), means[i], 12);
            Assert.Equal(variance, variances[i], 12);
        }

        // With a bar on the mean: variances only where the mean reaches it, the same ones.
        double bar = means.Order().ElementAt(count / 2);
        var barred = new double[count];
        posterior.PredictMany(queries, bar, new double[count], barred);
        for (int i = 0; i < count; i++)
        {
            if (means[i] >= bar)
            {
                Assert.Equal(variances[i], barred[i], 12);
            }
            else
            {
                Assert.True(double.IsNaN(barred[i]));
            }
        }
    }

    [Fact]
    public void Duplicated_points_with_minimal_noise_still_factor()
    {
        double[] points = { 0.5, 0.5, 0.5, 0.2 };
        double[] y = { 1, 1, -1, -1 };
        var parameters = new KernelParameters(new[] { 1.0 }, 1, KernelParameters.MinimumNoise);
        using var posterior = new GaussianProcessPosterior(points, 4, 1, y, new[] { false }, parameters);
        Assert.True(double.IsFinite(posterior.Predict(new[] { 0.4 }, out double variance)));
        Assert.True(variance >= 0);
    }
}
