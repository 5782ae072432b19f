using System;
using MathNet.Numerics;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// The logarithm of expected improvement, computed stably far from the incumbent (Ament et al. 2023,
/// "Unexpected improvements to expected improvement for Bayesian optimization", eq. 9). For a value
/// to maximise with posterior N(μ, σ²) and incumbent f*, EI = σ·h(z) with z = (μ − f*)/σ and
/// h(z) = φ(z) + z·Φ(z). Computed naively, h underflows to 0 once z falls below about −38 and its
/// logarithm loses all precision well before; here log h is exact to rounding for every z.
/// </summary>
internal static class LogExpectedImprovement
{
    /// <summary>Added to the variance, so a point on a noiseless observation still has a finite log EI (Optuna adds the same).</summary>
    public const double StabilizingVariance = 1e-12;

    private static readonly double s_halfLog2Pi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double s_sqrtHalfPi = Math.Sqrt(Math.PI / 2);
    private static readonly double s_invSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);
    private static readonly double s_invSqrtPi = 1 / Math.Sqrt(Math.PI);

    // Below −1/√ε the asymptotic form is exact to rounding.
    private static readonly double s_asymptotic = -1 / Math.Sqrt(2.220446049250313e-16);

    /// <summary>log EI for a posterior and an incumbent.</summary>
    /// <param name="mean">μ.</param>
    /// <param name="variance">σ² (the stabilising variance is added).</param>
    /// <param name="incumbent">f*, the best value so far.</param>
    /// <returns>log E[max(0, f − f*)].</returns>
    public static double Value(double mean, double variance, double incumbent)
    {
        double sigma = Math.Sqrt(variance + StabilizingVariance);
        return Math.Log(sigma) + LogH((mean - incumbent) / sigma);
    }

    /// <summary>log EI and its partial derivatives in the mean and the variance.</summary>
    /// <param name="mean">μ.</param>
    /// <param name="variance">σ² (the stabilising variance is added).</param>
    /// <param name="incumbent">f*.</param>
    /// <param name="dMean">Receives ∂ log EI / ∂μ.</param>
    /// <param name="dVariance">Receives ∂ log EI / ∂σ².</param>
    /// <returns>log EI.</returns>
    public static double Value(double mean, double variance, double incumbent, out double dMean, out double dVariance)
    {
        double sigma = Math.Sqrt(variance + StabilizingVariance);
        double z = (mean - incumbent) / sigma;
        double slope = LogHDerivative(z);
        dMean = slope / sigma;

        // ∂/∂σ = 1/σ − slope·z/σ, and ∂σ/∂σ² = 1/(2σ).
        dVariance = (1 - (slope * z)) / (2 * sigma * sigma);
        return Math.Log(sigma) + LogH(z);
    }

    /// <summary>log h(z) = log(φ(z) + z·Φ(z)), the log EI of a standard normal above −z.</summary>
    /// <param name="z">The standardised improvement of the mean.</param>
    /// <returns>log h(z), finite for every finite z.</returns>
    public static double LogH(double z)
    {
        if (z > -1)
        {
            double cdf = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            double pdf = Math.Exp(-0.5 * z * z) * s_invSqrt2Pi;
            return Math.Log((z * cdf) + pdf);
        }

        if (z > s_asymptotic)
        {
            // h(z) = φ(z)·(1 − |z|·Φ(z)/φ(z)) and Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2).
            double ratio = s_sqrtHalfPi * ScaledErfc(-z / Math.Sqrt(2));
            return (-0.5 * z * z) - s_halfLog2Pi + Math.Log(1 + (z * ratio));
        }

        return (-0.5 * z * z) - s_halfLog2Pi - (2 * Math.Log(-z));
    }

    /// <summary>d log h / dz = Φ(z)/h(z).</summary>
    /// <param name="z">The standardised improvement of the mean.</param>
    /// <returns>The derivative, positive and finite for every finite z.</returns>
    public static double LogHDerivative(double z)
    {
        if (z > -1)
        {
            double cdf = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            double pdf = Math.Exp(-0.5 * z * z) * s_invSqrt2Pi;
            return cdf / ((z * cdf) + pdf);
        }

        if (z > s_asymptotic)
        {
            double ratio = s_sqrtHalfPi * ScaledErfc(-z / Math.Sqrt(2));
            return ratio / (1 + (z * ratio));
        }

        return -z - (2 / z);
    }

    /// <summary>The scaled complementary error function erfcx(x) = exp(x²)·erfc(x), for x ≥ 0.</summary>
    /// <param name="x">The argument, non-negative.</param>
    /// <returns>erfcx(x), without overflow or underflow for any x.</returns>
    public static double ScaledErfc(double x)
    {
        if (x < 26)
        {
            // MathNet's erfc keeps full relative precision down to about 1e-300 (x ≈ 26).
            return Math.Exp(x * x) * SpecialFunctions.Erfc(x);
        }

        // The continued fraction erfcx(x) = 1/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
        // which converges to rounding within a few terms this far out.
        double t = x;
        for (int k = 12; k >= 1; k--)
        {
            t = x + (0.5 * k / t);
        }

        return s_invSqrtPi / t;
    }
}
