using System;
using System.Collections.Generic;

namespace HyperTune.Tests.Tuning;

/// <summary>
/// The standard test functions of black-box optimisation, as spaces and objectives in the unit
/// encoding, for driving samplers without a config type.
/// </summary>
internal static class TestFunctions
{
    /// <summary>Branin's optimum (Dixon and Szegő 1978).</summary>
    public const double BraninOptimum = 0.397887;

    /// <summary>Hartmann-6's optimum.</summary>
    public const double Hartmann6Optimum = -3.32237;

    /// <summary>Branin on [-5, 10] × [0, 15].</summary>
    public static IReadOnlyList<Dimension> BraninSpace { get; } = new[]
    {
        Dimension.Continuous("X1", typeof(double), -5, 10, Scale.Linear),
        Dimension.Continuous("X2", typeof(double), 0, 15, Scale.Linear),
    };

    /// <summary>Hartmann-6 on [0, 1]^6.</summary>
    public static IReadOnlyList<Dimension> Hartmann6Space { get; } = new[]
    {
        Dimension.Continuous("X1", typeof(double), 0, 1, Scale.Linear),
        Dimension.Continuous("X2", typeof(double), 0, 1, Scale.Linear),
        Dimension.Continuous("X3", typeof(double), 0, 1, Scale.Linear),
        Dimension.Continuous("X4", typeof(double), 0, 1, Scale.Linear),
        Dimension.Continuous("X5", typeof(double), 0, 1, Scale.Linear),
        Dimension.Continuous("X6", typeof(double), 0, 1, Scale.Linear),
    };

    private static readonly double[] s_alpha = { 1.0, 1.2, 3.0, 3.2 };

    private static readonly double[,] s_a =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] s_p =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>Branin at a point of the unit square.</summary>
    public static double Branin(ReadOnlySpan<double> unit)
    {
        double x1 = -5 + (15 * unit[0]);
        double x2 = 15 * unit[1];
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        double u = x2 - (b * x1 * x1) + (c * x1) - 6;
        return (u * u) + (10 * (1 - t) * Math.Cos(x1)) + 10;
    }

    /// <summary>Hartmann-6 at a point of the unit cube.</summary>
    public static double Hartmann6(ReadOnlySpan<double> unit)
    {
        double sum = 0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0;
            for (int j = 0; j < 6; j++)
            {
                double d = unit[j] - s_p[i, j];
                inner += s_a[i, j] * d * d;
            }

            sum += s_alpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }
}
