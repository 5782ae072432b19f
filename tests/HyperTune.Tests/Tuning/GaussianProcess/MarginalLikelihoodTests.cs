using HyperTune.Tuning;
using HyperTune.Tuning.GaussianProcess;
using MathNet.Numerics.LinearAlgebra;

namespace HyperTune.Tests.Tuning.GaussianProcess;

/// <summary>The fit's objective against a direct computation, its gradient against finite differences, and the fit itself.</summary>
public class MarginalLikelihoodTests
{
    private const int Dimensions = 3;
    private static readonly bool[] s_categorical = { false, true, false };

    [Fact]
    public void Log_marginal_likelihood_matches_a_direct_computation()
    {
        var (points, y) = Data(12, seed: 1);
        double[] raw = { Math.Log(3), Math.Log(0.5), Math.Log(8), Math.Log(1.3), Math.Log(0.02) };
        using var likelihood = new MarginalLikelihood(points, Dimensions, Enumerable.Range(0, 12).ToArray(), y, s_categorical);
        double ours = likelihood.LogMarginalLikelihood(raw, default);

        var parameters = KernelParameters.FromRaw(raw);
        var c = Covariance(points, 12, parameters);
        var yv = Vector<double>.Build.DenseOfArray(y);
        double expected = (-0.5 * yv.DotProduct(c.Solve(yv))) - (0.5 * Math.Log(c.Determinant())) - (6 * Math.Log(2 * Math.PI));
        Assert.Equal(expected, ours, 9);
    }

    [Fact]
    public void Gradient_of_the_loss_matches_finite_differences()
    {
        var (points, y) = Data(15, seed: 2);
        double[] raw = { Math.Log(2), Math.Log(0.7), Math.Log(12), Math.Log(0.9), Math.Log(0.05) };
        using var likelihood = new MarginalLikelihood(points, Dimensions, Enumerable.Range(0, 15).ToArray(), y, s_categorical);
        var gradient = new double[raw.Length];
        likelihood.Loss(raw, gradient);
        var scratch = new double[raw.Length];
        for (int k = 0; k < raw.Length; k++)
        {
            const double h = 1e-5;
            var plus = (double[])raw.Clone();
            var minus = (double[])raw.Clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (likelihood.Loss(plus, scratch) - likelihood.Loss(minus, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"θ[{k}]: analytic {gradient[k]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Loss_is_the_negative_log_likelihood_minus_the_prior()
    {
        var (points, y) = Data(8, seed: 3);
        double[] raw = { 0.1, -0.4, 1.2, 0.3, -3 };
        using var likelihood = new MarginalLikelihood(points, Dimensions, Enumerable.Range(0, 8).ToArray(), y, s_categorical);
        double logPrior = KernelPrior.LogDensity(raw, new double[raw.Length]);
        Assert.Equal(-(likelihood.LogMarginalLikelihood(raw, default) + logPrior), likelihood.Loss(raw, new double[raw.Length]), 10);
    }

    [Fact]
    public void Fit_finds_a_short_length_scale_in_the_relevant_dimension_and_a_long_one_in_the_irrelevant()
    {
        // y depends on x0 only; x2 is noise-free irrelevant input.
        var random = new Random(4);
        const int n = 40;
        var points = new double[n * 2];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            points[2 * i] = random.NextDouble();
            points[(2 * i) + 1] = random.NextDouble();
            y[i] = Math.Sin(6 * points[2 * i]);
        }

        GaussianProcessSampler.Standardize(y);
        using var likelihood = new MarginalLikelihood(points, 2, Enumerable.Range(0, n).ToArray(), y, new[] { false, false });
        var parameters = KernelFit.Fit(likelihood, 2, new KernelFitOptions(), out var statistics);
        Assert.True(double.IsFinite(statistics.Loss));
        Assert.True(parameters.InverseSquaredLengthScales[0] > 10 * parameters.InverseSquaredLengthScales[1], $"ℓ⁻²: {parameters.InverseSquaredLengthScales[0]} vs {parameters.InverseSquaredLengthScales[1]}");
        Assert.True(parameters.NoiseVariance < 0.01, $"noise {parameters.NoiseVariance}");

        // The fit is a local optimum at least as good as every fixed starting point.
        var gradient = new double[4];
        var start = new double[4];
        KernelParameters.WriteRaw(start, 1, 1, 1e-2);
        Assert.True(statistics.Loss <= likelihood.Loss(start, gradient));
    }

    internal static Matrix<double> Covariance(double[] points, int n, KernelParameters parameters)
    {
        return Matrix<double>.Build.Dense(n, n, (i, j) =>
        {
            double r2 = 0;
            for (int d = 0; d < Dimensions; d++)
            {
                double diff = points[(i * Dimensions) + d] - points[(j * Dimensions) + d];
                r2 += parameters.InverseSquaredLengthScales[d] * (s_categorical[d] ? (diff == 0 ? 0 : 1) : diff * diff);
            }

            return (parameters.SignalVariance * Matern52Kernel.Value(r2)) + (i == j ? parameters.NoiseVariance : 0);
        });
    }

    internal static (double[] Points, double[] Y) Data(int n, int seed)
    {
        var random = new Random(seed);
        var points = new double[n * Dimensions];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            points[i * Dimensions] = random.NextDouble();
            points[(i * Dimensions) + 1] = random.Next(3);
            points[(i * Dimensions) + 2] = random.NextDouble();
            y[i] = Math.Sin(5 * points[i * Dimensions]) + (0.3 * points[(i * Dimensions) + 1]) + (0.1 * random.NextDouble());
        }

        GaussianProcessSampler.Standardize(y);
        return (points, y);
    }
}
