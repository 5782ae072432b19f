using HyperTune.Tuning.GaussianProcess;

namespace HyperTune.Tests.Tuning.GaussianProcess;

/// <summary>The box-constrained L-BFGS on functions with known minima inside and on the box.</summary>
public class BoundedLbfgsTests
{
    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
    {
        double a = 1 - x[0], b = x[1] - (x[0] * x[0]);
        g[0] = (-2 * a) - (400 * x[0] * b);
        g[1] = 200 * b;
        return (a * a) + (100 * b * b);
    }

    [Fact]
    public void Finds_the_Rosenbrock_minimum_inside_the_box()
    {
        var optimizer = new BoundedLbfgs(2);
        double[] x = { -1.2, 1 };
        double value = optimizer.Minimize(Rosenbrock, x, new double[] { -5, -5 }, new double[] { 5, 5 }, 1e-8, 500, out int evaluations);
        Assert.True(value < 1e-10, $"f = {value} after {evaluations} evaluations");
        Assert.Equal(1, x[0], 4);
        Assert.Equal(1, x[1], 4);
    }

    [Fact]
    public void Stops_on_the_bound_when_the_minimum_is_outside()
    {
        // (x0 − 2)² + (x1 + 1)² + x0·x1 over [0, 1] × [0, 1]: the minimum is at (1, 0).
        var optimizer = new BoundedLbfgs(2);
        double[] x = { 0.3, 0.6 };
        optimizer.Minimize(
            (p, g) =>
            {
                g[0] = (2 * (p[0] - 2)) + p[1];
                g[1] = (2 * (p[1] + 1)) + p[0];
                return Math.Pow(p[0] - 2, 2) + Math.Pow(p[1] + 1, 2) + (p[0] * p[1]);
            },
            x,
            new double[] { 0, 0 },
            new double[] { 1, 1 },
            1e-9,
            100,
            out _);
        Assert.Equal(1, x[0], 12);
        Assert.Equal(0, x[1], 12);
    }

    [Fact]
    public void Keeps_a_variable_with_equal_bounds_fixed_and_survives_infinite_values()
    {
        var optimizer = new BoundedLbfgs(2);
        double[] x = { 0.2, 0.7 };
        optimizer.Minimize(
            (p, g) =>
            {
                g[0] = 2 * (p[0] - 3);
                g[1] = 2 * p[1];
                return p[0] > 2.5 ? double.PositiveInfinity : Math.Pow(p[0] - 3, 2) + (p[1] * p[1]);
            },
            x,
            new double[] { -10, 0.7 },
            new double[] { 10, 0.7 },
            1e-9,
            200,
            out _);
        Assert.Equal(0.7, x[1]);
        Assert.InRange(x[0], 2.0, 2.5);
    }
}
