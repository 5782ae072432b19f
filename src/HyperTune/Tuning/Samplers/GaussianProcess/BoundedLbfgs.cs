using System;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// A small limited-memory BFGS minimiser in a box: the two-loop recursion on the free variables (those
/// not held at a bound by their gradient), a backtracking Armijo search along the projected path, and a
/// reset to steepest descent when the quasi-Newton direction fails. Enough for the dozen-parameter
/// kernel fit and the acquisition's local refinement; a variable with equal bounds stays fixed.
/// Buffers are allocated once per instance; <see cref="Minimize"/> allocates nothing.
/// </summary>
internal sealed class BoundedLbfgs
{
    private readonly int _n;
    private readonly int _memory;
    private readonly double[] _s;
    private readonly double[] _y;
    private readonly double[] _rho;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _direction;
    private readonly double[] _candidate;
    private readonly double[] _candidateGradient;

    /// <summary>Creates a minimiser for <paramref name="variables"/> variables.</summary>
    /// <param name="variables">The number of variables.</param>
    /// <param name="memory">The number of correction pairs kept.</param>
    public BoundedLbfgs(int variables, int memory = 8)
    {
        _n = variables;
        _memory = memory;
        _s = new double[memory * variables];
        _y = new double[memory * variables];
        _rho = new double[memory];
        _alpha = new double[memory];
        _g = new double[variables];
        _direction = new double[variables];
        _candidate = new double[variables];
        _candidateGradient = new double[variables];
    }

    /// <summary>A function and its gradient.</summary>
    /// <param name="x">The point.</param>
    /// <param name="gradient">Receives the gradient at <paramref name="x"/>.</param>
    /// <returns>The value; +∞ or NaN for a point outside the function's domain.</returns>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/> within [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="f">The objective.</param>
    /// <param name="x">The start (projected into the box first); receives the best point found.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    /// <param name="gradientTolerance">Stop when the projected gradient's largest component is below this.</param>
    /// <param name="maxIterations">Stop after this many iterations.</param>
    /// <param name="evaluations">Receives the number of function evaluations.</param>
    /// <returns>The value at <paramref name="x"/>.</returns>
    public double Minimize(Objective f, Span<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double gradientTolerance, int maxIterations, out int evaluations)
    {
        int n = _n;
        Span<double> g = _g;
        Span<double> direction = _direction;
        Span<double> candidate = _candidate;
        Span<double> candidateGradient = _candidateGradient;
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }

        double value = f(x, g);
        evaluations = 1;
        if (!double.IsFinite(value))
        {
            return value;
        }

        int stored = 0, newest = -1;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            double projectedGradient = 0;
            for (int i = 0; i < n; i++)
            {
                double step = Math.Clamp(x[i] - g[i], lower[i], upper[i]) - x[i];
                projectedGradient = Math.Max(projectedGradient, Math.Abs(step));
            }

            if (projectedGradient <= gradientTolerance)
            {
                break;
            }

            // The two-loop recursion on the free variables.
            for (int i = 0; i < n; i++)
            {
                direction[i] = IsHeld(x[i], g[i], lower[i], upper[i]) ? 0 : g[i];
            }

            for (int k = 0; k < stored; k++)
            {
                int slot = (newest - k + _memory) % _memory;
                double a = _rho[slot] * Dot(_s.AsSpan(slot * n, n), direction);
                _alpha[slot] = a;
                Axpy(-a, _y.AsSpan(slot * n, n), direction);
            }

            if (stored > 0)
            {
                ReadOnlySpan<double> ys = _y.AsSpan(newest * n, n);
                double scale = 1 / (_rho[newest] * Dot(ys, ys));
                for (int i = 0; i < n; i++)
                {
                    direction[i] *= scale;
                }
            }

            for (int k = stored - 1; k >= 0; k--)
            {
                int slot = (newest - k + _memory) % _memory;
                double b = _rho[slot] * Dot(_y.AsSpan(slot * n, n), direction);
                Axpy(_alpha[slot] - b, _s.AsSpan(slot * n, n), direction);
            }

            double slopeAlong = 0;
            for (int i = 0; i < n; i++)
            {
                direction[i] = IsHeld(x[i], g[i], lower[i], upper[i]) ? 0 : -direction[i];
                slopeAlong += direction[i] * g[i];
            }

            double initialStep = 1;
            if (!(slopeAlong < 0) || stored == 0)
            {
                // Steepest descent, its first step no longer than 1 in any coordinate.
                stored = 0;
                double largest = 0;
                for (int i = 0; i < n; i++)
                {
                    direction[i] = IsHeld(x[i], g[i], lower[i], upper[i]) ? 0 : -g[i];
                    largest = Math.Max(largest, Math.Abs(direction[i]));
                }

                if (largest == 0)
                {
                    break;
                }

                initialStep = Math.Min(1, 1 / largest);
            }

            double t = initialStep;
            double candidateValue = double.NaN;
            bool accepted = false;
            for (int attempt = 0; attempt < 30; attempt++)
            {
                double decrease = 0;
                for (int i = 0; i < n; i++)
                {
                    candidate[i] = Math.Clamp(x[i] + (t * direction[i]), lower[i], upper[i]);
                    decrease += g[i] * (candidate[i] - x[i]);
                }

                candidateValue = f(candidate, candidateGradient);
                evaluations++;
                if (double.IsFinite(candidateValue) && candidateValue <= value + (1e-4 * decrease))
                {
                    accepted = true;
                    break;
                }

                t *= double.IsFinite(candidateValue) ? 0.5 : 0.1;
            }

            if (!accepted)
            {
                if (stored == 0)
                {
                    break;
                }

                stored = 0;
                continue;
            }

            int next = (newest + 1) % _memory;
            Span<double> s = _s.AsSpan(next * n, n);
            Span<double> y = _y.AsSpan(next * n, n);
            double sy = 0, yy = 0;
            for (int i = 0; i < n; i++)
            {
                s[i] = candidate[i] - x[i];
                y[i] = candidateGradient[i] - g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
            }

            if (sy > 1e-10 * yy && sy > 0)
            {
                _rho[next] = 1 / sy;
                newest = next;
                stored = Math.Min(stored + 1, _memory);
            }

            double previous = value;
            candidate.CopyTo(x);
            candidateGradient.CopyTo(g);
            value = candidateValue;
            if (previous - value <= 1e-10 * Math.Max(1, Math.Abs(value)))
            {
                break;
            }
        }

        return value;
    }

    private static bool IsHeld(double x, double g, double lower, double upper) =>
        (x <= lower && g > 0) || (x >= upper && g < 0) || lower == upper;

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
