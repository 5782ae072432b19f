using HyperTune.Tuning.GaussianProcess;
using MathNet.Numerics;

namespace HyperTune.Tests.Tuning.GaussianProcess;

/// <summary>log EI against its naive form where that is stable, and finite, smooth and monotone where the naive form underflows.</summary>
public class LogExpectedImprovementTests
{
    private static double NaiveLogH(double z)
    {
        double cdf = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
        double pdf = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
        return Math.Log((z * cdf) + pdf);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(2)]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(-0.999)]
    [InlineData(-1.001)]
    [InlineData(-2)]
    [InlineData(-4)]
    [InlineData(-8)]
    public void LogH_matches_the_naive_form_where_that_is_stable(double z)
    {
        // The naive form loses about 2·log10|z| digits to cancellation; these points keep at least 12.
        Assert.Equal(NaiveLogH(z), LogExpectedImprovement.LogH(z), 10);
    }

    [Theory]
    [InlineData(-40)]
    [InlineData(-100)]
    [InlineData(-1e4)]
    [InlineData(-1e8)]
    [InlineData(-1e150)]
    public void LogH_is_finite_where_the_naive_form_underflows(double z)
    {
        Assert.True(double.IsNegativeInfinity(NaiveLogH(z)) || double.IsNaN(NaiveLogH(z)));
        double value = LogExpectedImprovement.LogH(z);
        Assert.True(double.IsFinite(value), $"log h({z}) = {value}");

        // h(z) ~ φ(z)/z² for z → −∞.
        double asymptotic = (-0.5 * z * z) - (0.5 * Math.Log(2 * Math.PI)) - (2 * Math.Log(-z));
        Assert.True(Math.Abs(value - asymptotic) <= 3 / (z * z) * Math.Max(1, Math.Abs(asymptotic)) + 1e-9 * Math.Abs(asymptotic), $"log h({z}) = {value}, asymptotic {asymptotic}");
    }

    [Fact]
    public void LogH_is_increasing_and_continuous_across_its_branches()
    {
        double previous = double.NegativeInfinity;
        for (double z = -60; z <= 5; z += 0.01)
        {
            double value = LogExpectedImprovement.LogH(z);
            Assert.True(value > previous, $"not increasing at {z}");
            previous = value;
        }

        // The branch points: −1, erfcx's switch at z = −26√2, and −1/√ε.
        foreach (double at in new[] { -1, -26 * Math.Sqrt(2), -1 / Math.Sqrt(2.220446049250313e-16) })
        {
            double below = LogExpectedImprovement.LogH(at * (1 + 1e-12)), above = LogExpectedImprovement.LogH(at * (1 - 1e-12));
            Assert.True(Math.Abs(below - above) <= 1e-8 * Math.Max(1, Math.Abs(above)), $"jump at {at}: {below} vs {above}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0.2)]
    [InlineData(-0.9)]
    [InlineData(-3)]
    [InlineData(-30)]
    [InlineData(-500)]
    public void LogH_derivative_matches_finite_differences(double z)
    {
        double h = 1e-6 * Math.Max(1, Math.Abs(z));
        double numeric = (LogExpectedImprovement.LogH(z + h) - LogExpectedImprovement.LogH(z - h)) / (2 * h);
        Assert.True(Math.Abs(numeric - LogExpectedImprovement.LogHDerivative(z)) <= 1e-5 * Math.Max(1, Math.Abs(numeric)), $"z {z}: {LogExpectedImprovement.LogHDerivative(z)} vs {numeric}");
    }

    [Fact]
    public void Value_is_log_sigma_plus_log_h_with_gradients_in_mean_and_variance()
    {
        const double mean = 0.3, variance = 0.04, incumbent = 0.5;
        double value = LogExpectedImprovement.Value(mean, variance, incumbent, out double dMean, out double dVariance);
        double sigma = Math.Sqrt(variance + LogExpectedImprovement.StabilizingVariance);
        Assert.Equal(Math.Log(sigma) + NaiveLogH((mean - incumbent) / sigma), value, 12);
        Assert.Equal(value, LogExpectedImprovement.Value(mean, variance, incumbent), 15);
        const double h = 1e-7;
        Assert.Equal((LogExpectedImprovement.Value(mean + h, variance, incumbent) - LogExpectedImprovement.Value(mean - h, variance, incumbent)) / (2 * h), dMean, 6);
        Assert.Equal((LogExpectedImprovement.Value(mean, variance + h, incumbent) - LogExpectedImprovement.Value(mean, variance - h, incumbent)) / (2 * h), dVariance, 5);
    }

    [Fact]
    public void Value_is_finite_at_an_observed_point_far_below_the_incumbent()
    {
        double value = LogExpectedImprovement.Value(-3, 0, 2);
        Assert.True(double.IsFinite(value));
        Assert.True(value < LogExpectedImprovement.Value(-3, 1e-8, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(25.999)]
    [InlineData(26)]
    [InlineData(1e3)]
    public void ScaledErfc_matches_exp_x2_erfc_and_its_asymptote(double x)
    {
        double value = LogExpectedImprovement.ScaledErfc(x);
        if (x < 20)
        {
            Assert.Equal(Math.Exp(x * x) * SpecialFunctions.Erfc(x), value, 12);
        }
        else
        {
            double asymptote = 1 / (x * Math.Sqrt(Math.PI)) * (1 - (1 / (2 * x * x)) + (3 / (4 * Math.Pow(x, 4))));
            Assert.True(Math.Abs(value - asymptote) <= 1e-8 * asymptote, $"erfcx({x}) = {value}, asymptote {asymptote}");
        }
    }
}
