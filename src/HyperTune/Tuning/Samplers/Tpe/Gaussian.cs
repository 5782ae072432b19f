using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace HyperTune.Tuning;

/// <summary>
/// The standard normal distribution as the Parzen estimators need it: log densities, log masses of
/// intervals that stay accurate deep in the tails, and draws truncated to an interval.
/// </summary>
internal static class Gaussian
{
    /// <summary>log(√(2π)).</summary>
    public const double LogSqrtTwoPi = 0.91893853320467274178;

    private const double InverseSqrtTwo = 0.70710678118654752440;

    /// <summary>
    /// log erfc(z) for z ≥ 0, from the Chebyshev fit of Press et al. (Numerical Recipes, §6.2):
    /// erfc(z) = t·exp(−z² + P(t)) with t = 1 / (1 + z/2), fractional error below 1.2e-7 everywhere, so its
    /// logarithm is accurate however far in the tail (no underflow: the exponent is kept apart).
    /// </summary>
    /// <param name="z">A non-negative argument.</param>
    /// <returns>log erfc(z).</returns>
    public static double LogErfcNonNegative(double z)
    {
        double t = 1 / (1 + (0.5 * z));
        double p = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        return Math.Log(t) - (z * z) + p;
    }

    /// <summary>log Q(x), the upper tail P(X &gt; x) of the standard normal, for x ≥ 0.</summary>
    /// <param name="x">A non-negative point.</param>
    /// <returns>log Q(x).</returns>
    public static double LogUpperTail(double x) => LogErfcNonNegative(x * InverseSqrtTwo) - 0.69314718055994530942;

    /// <summary>Q(x) = P(X &gt; x) for any x.</summary>
    /// <param name="x">The point.</param>
    /// <returns>The upper tail probability.</returns>
    public static double UpperTail(double x) => x >= 0 ? Math.Exp(LogUpperTail(x)) : 1 - Math.Exp(LogUpperTail(-x));

    /// <summary>
    /// log(Φ(b) − Φ(a)), the log probability that a standard normal falls in [a, b], accurate when the
    /// interval lies far in a tail (computed on the tail's side) and when it is narrow (Simpson's rule).
    /// </summary>
    /// <param name="a">The lower end.</param>
    /// <param name="b">The upper end, at least <paramref name="a"/>.</param>
    /// <returns>The log mass; −∞ for an empty interval.</returns>
    public static double LogMass(double a, double b)
    {
        if (!(b > a))
        {
            return double.NegativeInfinity;
        }

        if (b - a < 1e-2)
        {
            // Simpson's rule on the density: relative error of order (b − a)^4, with no cancellation.
            double m = 0.5 * (a + b);
            double la = -0.5 * a * a, lm = -0.5 * m * m, lb = -0.5 * b * b;
            double top = Math.Max(la, Math.Max(lm, lb));
            double sum = Math.Exp(la - top) + (4 * Math.Exp(lm - top)) + Math.Exp(lb - top);
            return top + Math.Log(sum * (b - a) / 6) - LogSqrtTwoPi;
        }

        if (a >= 0)
        {
            // Both in the upper tail: Q(a) − Q(b).
            double qa = LogUpperTail(a);
            return double.IsPositiveInfinity(b) ? qa : qa + Log1MinusExp(LogUpperTail(b) - qa);
        }

        if (b <= 0)
        {
            // Both in the lower tail: Q(−b) − Q(−a).
            double qb = LogUpperTail(-b);
            return double.IsNegativeInfinity(a) ? qb : qb + Log1MinusExp(LogUpperTail(-a) - qb);
        }

        // Straddling 0: 1 − Q(−a) − Q(b), both tails at most a half.
        double lower = double.IsNegativeInfinity(a) ? 0 : Math.Exp(LogUpperTail(-a));
        double upper = double.IsPositiveInfinity(b) ? 0 : Math.Exp(LogUpperTail(b));
        return Math.Log(1 - lower - upper);
    }

    /// <summary>
    /// log(Φ(b) − Φ(a)) for an interval that contains 0 (a ≤ 0 ≤ b), as a kernel centred in its range
    /// has: 1 − Q(−a) − Q(b), both tails at most a half, with one exponential each.
    /// </summary>
    /// <param name="a">The lower end, at most 0.</param>
    /// <param name="b">The upper end, at least 0.</param>
    /// <returns>The log mass.</returns>
    public static double LogMassAround(double a, double b)
    {
        if (a > 0 || b < 0)
        {
            return LogMass(a, b);
        }

        return Math.Log(1 - UpperTailNonNegative(-a) - UpperTailNonNegative(b));
    }

    /// <summary>
    /// <see cref="LogMassAround"/> for many intervals at once (vectorised where the hardware allows),
    /// each with a ≤ 0 ≤ b; what truncating a mixture's kernels to their range costs.
    /// </summary>
    /// <param name="a">The lower ends, at most 0.</param>
    /// <param name="b">The upper ends, at least 0.</param>
    /// <param name="logMass">Receives the log masses.</param>
    public static void LogMassesAround(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> logMass)
    {
        int i = 0;
#if NET9_0_OR_GREATER
        if (Vector.IsHardwareAccelerated)
        {
            var aVectors = MemoryMarshal.Cast<double, Vector<double>>(a);
            var bVectors = MemoryMarshal.Cast<double, Vector<double>>(b);
            var outVectors = MemoryMarshal.Cast<double, Vector<double>>(logMass);
            int count = Math.Min(aVectors.Length, Math.Min(bVectors.Length, outVectors.Length));
            for (int v = 0; v < count; v++)
            {
                var inside = Vector<double>.One - UpperTailNonNegative(Vector.Min(-aVectors[v], new Vector<double>(40)))
                    - UpperTailNonNegative(Vector.Min(bVectors[v], new Vector<double>(40)));
                outVectors[v] = Vector.Log(inside);
            }

            i = count * Vector<double>.Count;
        }
#endif
        for (; i < logMass.Length; i++)
        {
            logMass[i] = LogMassAround(a[i], b[i]);
        }
    }

#if NET9_0_OR_GREATER
    private static Vector<double> UpperTailNonNegative(Vector<double> x)
    {
        var z = x * InverseSqrtTwo;
        var t = Vector<double>.One / (Vector<double>.One + (z * 0.5));
        var p = new Vector<double>(0.17087277);
        p = (p * t) + new Vector<double>(-0.82215223);
        p = (p * t) + new Vector<double>(1.48851587);
        p = (p * t) + new Vector<double>(-1.13520398);
        p = (p * t) + new Vector<double>(0.27886807);
        p = (p * t) + new Vector<double>(-0.18628806);
        p = (p * t) + new Vector<double>(0.09678418);
        p = (p * t) + new Vector<double>(0.37409196);
        p = (p * t) + new Vector<double>(1.00002368);
        p = (p * t) + new Vector<double>(-1.26551223);
        return t * Vector.Exp(p - (z * z)) * 0.5;
    }
#endif

    /// <summary>Q(x) for x ≥ 0 with a single exponential (the Chebyshev fit of <see cref="LogErfcNonNegative"/>).</summary>
    /// <param name="x">A non-negative point.</param>
    /// <returns>Q(x).</returns>
    public static double UpperTailNonNegative(double x)
    {
        double z = x * InverseSqrtTwo;
        double t = 1 / (1 + (0.5 * z));
        double p = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        return 0.5 * t * Math.Exp(p - (z * z));
    }

    /// <summary>A standard normal draw (Box–Muller; one draw per two uniforms, so streams stay simple to reason about).</summary>
    /// <param name="random">The stream.</param>
    /// <returns>The draw.</returns>
    public static double Next(Random random)
    {
        double u = 1 - random.NextDouble(); // (0, 1]
        double v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>
    /// A draw of N(<paramref name="mu"/>, <paramref name="sigma"/>²) truncated to [<paramref name="low"/>,
    /// <paramref name="high"/>]: by rejection while the interval holds a fair share of the mass, by inverting
    /// the distribution function of the interval otherwise.
    /// </summary>
    /// <param name="random">The stream.</param>
    /// <param name="mu">The mean.</param>
    /// <param name="sigma">The standard deviation, positive.</param>
    /// <param name="low">The lower end.</param>
    /// <param name="high">The upper end.</param>
    /// <returns>A point in [low, high].</returns>
    public static double NextTruncated(Random random, double mu, double sigma, double low, double high)
    {
        double a = (low - mu) / sigma, b = (high - mu) / sigma;
        if (a <= 1.5 && b >= -1.5)
        {
            // The interval reaches within 1.5 standard deviations of the mean: at least ~6% acceptance.
            for (int attempt = 0; attempt < 256; attempt++)
            {
                double z = Next(random);
                if (z >= a && z <= b)
                {
                    return mu + (sigma * z);
                }
            }
        }

        // Far in a tail (or astronomically unlucky): bisect the interval's distribution function.
        double target = random.NextDouble();
        double total = LogMass(a, b);
        double lo = a, hi = b;
        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Math.Exp(LogMass(a, mid) - total) < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Clamp(mu + (sigma * 0.5 * (lo + hi)), low, high);
    }

    /// <summary>log(1 − e^x) for x ≤ 0, accurate near 0 and for very negative x (Mächler 2012).</summary>
    /// <param name="x">A non-positive exponent.</param>
    /// <returns>log(1 − e^x).</returns>
    public static double Log1MinusExp(double x) =>
        x > -0.6931471805599453 ? Math.Log(-ExpM1(x)) : Math.Log(1 - Math.Exp(x));

    private static double ExpM1(double x) =>
        Math.Abs(x) < 1e-5 ? x * (1 + (x * (0.5 + (x / 6)))) : Math.Exp(x) - 1;
}
