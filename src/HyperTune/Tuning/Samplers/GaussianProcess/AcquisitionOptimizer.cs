using System;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// Maximises log expected improvement over the space: a few thousand random points of the active
/// subspace, then a local search from the best few of them and from the incumbent. A local search
/// alternates L-BFGS in the box on the active numeric coordinates (integers moved as reals, then
/// rounded to their integer) with a sweep that tries every other category of each categorical
/// coordinate and the neighbouring integers of each integer coordinate, until a sweep changes nothing.
/// </summary>
internal sealed class AcquisitionOptimizer
{
    private readonly GaussianProcessSpace _space;
    private readonly GaussianProcessPosterior _posterior;
    private readonly double _incumbent;
    private readonly int _count;
    private readonly double[] _meanGradient;
    private readonly double[] _varianceGradient;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _trial;
    private readonly BoundedLbfgs _lbfgs;
    private readonly BoundedLbfgs.Objective _negative;

    /// <summary>Prepares the search.</summary>
    /// <param name="space">The space, as kernel inputs.</param>
    /// <param name="posterior">The process (values to maximise).</param>
    /// <param name="incumbent">The best observed (standardised, maximised) value: EI's threshold.</param>
    public AcquisitionOptimizer(GaussianProcessSpace space, GaussianProcessPosterior posterior, double incumbent)
    {
        _space = space;
        _posterior = posterior;
        _incumbent = incumbent;
        _count = space.Count;
        _meanGradient = new double[_count];
        _varianceGradient = new double[_count];
        _lower = new double[_count];
        _upper = new double[_count];
        _trial = new double[_count];
        _lbfgs = new BoundedLbfgs(_count);
        _negative = NegativeLogEi;
    }

    /// <summary>log EI at a point.</summary>
    /// <param name="x">The point (kernel inputs).</param>
    /// <returns>log EI.</returns>
    public double Evaluate(ReadOnlySpan<double> x)
    {
        double mean = _posterior.Predict(x, out double variance);
        return LogExpectedImprovement.Value(mean, variance, _incumbent);
    }

    /// <summary>Finds a point of high log EI.</summary>
    /// <param name="random">The trial's stream, for the random points.</param>
    /// <param name="warmStart">A point to search from besides the random ones (the incumbent's), or empty.</param>
    /// <param name="options">How hard to search.</param>
    /// <param name="value">Receives the log EI of the point returned.</param>
    /// <returns>The point (kernel inputs).</returns>
    public double[] Maximize(Random random, ReadOnlySpan<double> warmStart, AcquisitionOptions options, out double value)
    {
        int count = _count;
        int starts = Math.Max(1, Math.Min(options.LocalSearches, options.Candidates));
        var startPoints = new double[starts * count];
        var startValues = new double[starts];
        Array.Fill(startValues, double.NegativeInfinity);
        // The random points, scored in blocks so the model's factor is streamed once per four points.
        const int Block = 256;
        var block = new double[Block * count];
        var means = new double[Block];
        var variances = new double[Block];
        int kept = 0;
        for (int first = 0; first < options.Candidates; first += Block)
        {
            int size = Math.Min(Block, options.Candidates - first);
            for (int c = 0; c < size; c++)
            {
                _space.Sample(random, block.AsSpan(c * count, count));
            }

            // A point can only displace the worst start if its log EI could beat it with the largest
            // possible variance (the prior's): below that mean its variance is not worth computing.
            // Exact: EI grows with the mean and with the variance, and the bar only rises.
            double minimumMean = kept == starts ? MinimumMean(startValues[starts - 1]) : double.NegativeInfinity;
            _posterior.PredictMany(block.AsSpan(0, size * count), minimumMean, means.AsSpan(0, size), variances.AsSpan(0, size));
            for (int c = 0; c < size; c++)
            {
                if (double.IsNaN(variances[c]))
                {
                    continue;
                }

                double v = LogExpectedImprovement.Value(means[c], variances[c], _incumbent);
                if (double.IsNaN(v) || (kept == starts && v <= startValues[starts - 1]))
                {
                    continue;
                }

                // Insert into the best-first list of starts.
                int at = Math.Min(kept, starts - 1);
                while (at > 0 && startValues[at - 1] < v)
                {
                    startValues[at] = startValues[at - 1];
                    Array.Copy(startPoints, (at - 1) * count, startPoints, at * count, count);
                    at--;
                }

                startValues[at] = v;
                Array.Copy(block, c * count, startPoints, at * count, count);
                kept = Math.Min(kept + 1, starts);
            }
        }

        var best = new double[count];
        double bestValue = double.NegativeInfinity;
        var x = new double[count];
        int searches = kept + (warmStart.IsEmpty ? 0 : 1);
        for (int s = 0; s < searches; s++)
        {
            if (s < kept)
            {
                startPoints.AsSpan(s * count, count).CopyTo(x);
            }
            else
            {
                warmStart.CopyTo(x);
            }

            double v = LocalSearch(x, options);
            if (v > bestValue)
            {
                bestValue = v;
                x.CopyTo(best, 0);
            }
        }

        if (kept > 0 && !(bestValue > double.NegativeInfinity))
        {
            // Every local search failed (a degenerate model): the best random point.
            startPoints.AsSpan(0, count).CopyTo(best);
            bestValue = startValues[0];
        }
        else if (searches == 0 || !(bestValue > double.NegativeInfinity))
        {
            _space.Sample(random, best);
            bestValue = Evaluate(best);
        }

        value = bestValue;
        return best;
    }

    // The mean below which log EI stays under the bar even at the prior's variance (bisection on the
    // monotone log h), with a margin so rounding never drops a point that could win.
    private double MinimumMean(double bar)
    {
        if (!double.IsFinite(bar))
        {
            return double.NegativeInfinity;
        }

        double sigma = Math.Sqrt(_posterior.SignalVariance + LogExpectedImprovement.StabilizingVariance);
        double target = bar - Math.Log(sigma);
        double low = -1e3, high = 1e3;
        if (LogExpectedImprovement.LogH(low) >= target)
        {
            return double.NegativeInfinity;
        }

        if (LogExpectedImprovement.LogH(high) < target)
        {
            return double.PositiveInfinity;
        }

        for (int i = 0; i < 60 && high - low > 1e-9; i++)
        {
            double middle = 0.5 * (low + high);
            if (LogExpectedImprovement.LogH(middle) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return _incumbent + ((low - 1e-6) * sigma);
    }

    private double LocalSearch(double[] x, AcquisitionOptions options)
    {
        double value = Evaluate(x);
        for (int round = 0; round < options.Rounds; round++)
        {
            bool anyNumeric = false;
            for (int d = 0; d < _count; d++)
            {
                bool free = !_space.IsCategorical[d] && _space.IsActive(d, x);
                _lower[d] = free ? 0 : x[d];
                _upper[d] = free ? 1 : x[d];
                anyNumeric |= free;
            }

            if (anyNumeric)
            {
                double negative = _lbfgs.Minimize(_negative, x, _lower, _upper, options.GradientTolerance, options.MaxIterations, out _);
                bool rounded = false;
                for (int d = 0; d < _count; d++)
                {
                    if (_space.IsInteger(d) && _space.IsActive(d, x))
                    {
                        x[d] = _space.SnapInteger(d, x[d]);
                        rounded = true;
                    }
                }

                value = rounded || double.IsNaN(negative) ? Evaluate(x) : -negative;
            }

            if (!Sweep(x, ref value))
            {
                break;
            }
        }

        return value;
    }

    // Tries every other category and each neighbouring integer, one coordinate at a time; keeps improvements.
    private bool Sweep(double[] x, ref double value)
    {
        bool improved = false;
        for (int d = 0; d < _count; d++)
        {
            if (!_space.IsActive(d, x))
            {
                continue;
            }

            if (_space.IsCategorical[d])
            {
                int current = (int)x[d];
                for (int c = 0; c < _space.Categories(d); c++)
                {
                    if (c != current)
                    {
                        improved |= TryMove(x, d, c, ref value);
                    }
                }
            }
            else if (_space.IsInteger(d))
            {
                double down = _space.NeighbourInteger(d, x[d], -1);
                double up = _space.NeighbourInteger(d, x[d], +1);
                if (!double.IsNaN(down))
                {
                    improved |= TryMove(x, d, down, ref value);
                }

                if (!double.IsNaN(up))
                {
                    improved |= TryMove(x, d, up, ref value);
                }
            }
        }

        return improved;
    }

    private bool TryMove(double[] x, int d, double coordinate, ref double value)
    {
        x.CopyTo(_trial, 0);
        _trial[d] = coordinate;
        _space.Normalize(_trial);
        double v = Evaluate(_trial);
        if (v > value)
        {
            value = v;
            _trial.CopyTo(x, 0);
            return true;
        }

        return false;
    }

    private double NegativeLogEi(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double mean = _posterior.Predict(x, out double variance, _meanGradient, _varianceGradient);
        double value = LogExpectedImprovement.Value(mean, variance, _incumbent, out double dMean, out double dVariance);
        for (int d = 0; d < gradient.Length; d++)
        {
            gradient[d] = -((dMean * _meanGradient[d]) + (dVariance * _varianceGradient[d]));
        }

        return -value;
    }
}

/// <summary>How hard the acquisition search works.</summary>
/// <param name="Candidates">Random points of the active subspace evaluated first.</param>
/// <param name="LocalSearches">Local searches from the best random points (the incumbent adds one more).</param>
/// <param name="MaxIterations">L-BFGS iterations per local search round.</param>
/// <param name="GradientTolerance">The projected-gradient tolerance that ends an L-BFGS run.</param>
/// <param name="Rounds">Alternations of L-BFGS and the discrete sweep.</param>
internal sealed record AcquisitionOptions(int Candidates = 2048, int LocalSearches = 4, int MaxIterations = 40, double GradientTolerance = 1e-5, int Rounds = 3);
