using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace HyperTune.Tuning;

/// <summary>
/// A Parzen estimator over the coordinates of a group: a weighted mixture of one kernel per observation
/// plus a prior kernel. A kernel is a product over the coordinates of a Gaussian truncated to [0, 1]
/// (continuous), its mass over an integer's cell (integer), or a categorical distribution that puts
/// weight on the observed candidate plus a uniform share (categorical). With one coordinate this is
/// Optuna's univariate estimator; with several, its multivariate one (joint kernels).
/// </summary>
/// <remarks>
/// Bandwidths, as Optuna 3.x sets them on a range of width 1 (the unit encoding): univariate, the larger
/// gap to a sorted neighbour (the prior's centre among the neighbours, the range's ends not counted for
/// the outermost); multivariate, Scott-like <see cref="TpeRules.ScottFactor"/> · n^(−1/(d+4)) (Falkner et al. 2018;
/// Optuna's factor is 0.2, ours 0.12 by measurement); both clipped to
/// [1 / min(100, 1 + kernels), 1] (the "magic clip"). The prior kernel is centred on the range with
/// bandwidth 1, and weighs <see cref="TpeRules.PriorWeight"/> against observation weights from
/// <see cref="TpeRules.Weights"/>. Categorical rows: (prior / (n + 1)) on every candidate, plus 1 on the
/// observed one, normalised; the prior row is uniform.
/// Arrays are coordinate-major (<c>[coordinate * kernels + kernel]</c>), so the log-density loop runs
/// over kernels with the coordinate fixed.
/// </remarks>
internal sealed class ParzenEstimator : IDisposable
{
    private readonly TpeCoordinate[] _coordinates;
    private readonly int _kernels;
    private readonly double[] _mu;
    private readonly double[] _sigma;
    private readonly double[] _inverseTwoVariance;
    private readonly double[] _constant;
    private readonly double[] _cumulativeWeight;
    private readonly double[]?[] _categoryLogProbability;
    private readonly double[]?[] _categoryCumulative;

    /// <summary>Builds the estimator.</summary>
    /// <param name="coordinates">The group's coordinates.</param>
    /// <param name="observations">Model values, observation-major: <c>[observation * d + coordinate]</c>, oldest first.</param>
    /// <param name="count">The number of observations.</param>
    /// <param name="multivariate">Scott-like joint bandwidths (true) or the univariate neighbour-gap rule (one coordinate).</param>
    public ParzenEstimator(TpeCoordinate[] coordinates, ReadOnlySpan<double> observations, int count, bool multivariate)
    {
        if (!multivariate && coordinates.Length != 1)
        {
            throw new ArgumentException($"A univariate estimator models one coordinate, not {coordinates.Length}.", nameof(coordinates));
        }

        _coordinates = coordinates;
        int d = coordinates.Length;
        int kernels = count + 1;
        int prior = count;
        _kernels = kernels;
        // Rented: an estimator lives for one proposal, and the bad group's holds O(n·d) numbers.
        _mu = ArrayPool<double>.Shared.Rent(d * kernels);
        _sigma = ArrayPool<double>.Shared.Rent(d * kernels);
        _inverseTwoVariance = ArrayPool<double>.Shared.Rent(d * kernels);
        _constant = ArrayPool<double>.Shared.Rent(kernels);
        _cumulativeWeight = ArrayPool<double>.Shared.Rent(kernels);
        _categoryLogProbability = new double[d][];
        _categoryCumulative = new double[d][];

        // Kernel weights: observations by age, the prior last; normalised.
        var weights = _cumulativeWeight.AsSpan(0, kernels);
        TpeRules.Weights(weights[..count]);
        weights[prior] = TpeRules.PriorWeight;
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        for (int k = 0; k < kernels; k++)
        {
            _constant[k] = Math.Log(weights[k] / total);
        }

        double running = 0;
        for (int k = 0; k < kernels; k++)
        {
            running += weights[k] / total;
            weights[k] = running;
        }

        weights[prior] = 1;

        var scratchA = ArrayPool<double>.Shared.Rent(kernels);
        var scratchB = ArrayPool<double>.Shared.Rent(kernels);
        var scratchC = ArrayPool<double>.Shared.Rent(kernels);
        double minSigma = TpeRules.MinBandwidth(kernels);
        double scott = TpeRules.ScottFactor * Math.Pow(Math.Max(count, 1), -1.0 / (d + 4));
        for (int j = 0; j < d; j++)
        {
            var coordinate = coordinates[j];
            if (coordinate.Kind == DimensionKind.Categorical)
            {
                BuildCategorical(j, observations, count);
                continue;
            }

            var mu = _mu.AsSpan(j * kernels, kernels);
            var sigma = _sigma.AsSpan(j * kernels, kernels);
            for (int k = 0; k < count; k++)
            {
                mu[k] = observations[(k * d) + j];
            }

            mu[prior] = 0.5;
            if (multivariate)
            {
                sigma.Fill(scott);
            }
            else
            {
                NeighbourGaps(mu, sigma);
            }

            for (int k = 0; k < kernels; k++)
            {
                sigma[k] = Math.Clamp(sigma[k], minSigma, 1);
            }

            sigma[prior] = 1;
            var inverse = _inverseTwoVariance.AsSpan(j * kernels, kernels);
            var lower = scratchA.AsSpan(0, kernels);
            var upper = scratchB.AsSpan(0, kernels);
            for (int k = 0; k < kernels; k++)
            {
                double inverseSigma = 1 / sigma[k];
                inverse[k] = 0.5 * inverseSigma * inverseSigma;
                lower[k] = -mu[k] * inverseSigma;
                upper[k] = (1 - mu[k]) * inverseSigma;
            }

            // Truncation to [0, 1]: divide by each kernel's mass there (its centre is inside, so the
            // interval contains 0 in standard units).
            var logMass = scratchC.AsSpan(0, kernels);
            Gaussian.LogMassesAround(lower, upper, logMass);
            bool continuous = coordinate.Kind == DimensionKind.Continuous;
            double sharedLogSigma = Math.Log(sigma[0]);
            for (int k = 0; k < kernels; k++)
            {
                _constant[k] -= logMass[k];
                if (continuous)
                {
                    // Observation kernels share their bandwidth in the multivariate estimator.
                    _constant[k] -= (multivariate && k < count ? sharedLogSigma : Math.Log(sigma[k])) + Gaussian.LogSqrtTwoPi;
                }
            }
        }

        ArrayPool<double>.Shared.Return(scratchA);
        ArrayPool<double>.Shared.Return(scratchB);
        ArrayPool<double>.Shared.Return(scratchC);
    }

    /// <summary>The number of kernels, the prior included.</summary>
    public int Kernels => _kernels;

    /// <summary>A kernel's bandwidth on a numeric coordinate (the prior is the last kernel).</summary>
    /// <param name="coordinate">The coordinate's position in the group.</param>
    /// <param name="kernel">The kernel.</param>
    /// <returns>The bandwidth.</returns>
    public double Bandwidth(int coordinate, int kernel) => _sigma[(coordinate * _kernels) + kernel];

    /// <summary>Returns the rented arrays; the estimator cannot be used afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_mu);
        ArrayPool<double>.Shared.Return(_sigma);
        ArrayPool<double>.Shared.Return(_inverseTwoVariance);
        ArrayPool<double>.Shared.Return(_constant);
        ArrayPool<double>.Shared.Return(_cumulativeWeight);
    }

    /// <summary>Draws points from the mixture: a kernel by weight, then each coordinate from it.</summary>
    /// <param name="random">The stream.</param>
    /// <param name="points">Receives the points, point-major (<c>[point * d + coordinate]</c>), integers snapped to their cells' integers.</param>
    public void Sample(Random random, Span<double> points)
    {
        int d = _coordinates.Length;
        int count = points.Length / d;
        for (int p = 0; p < count; p++)
        {
            int k = Pick(_cumulativeWeight.AsSpan(0, _kernels), random.NextDouble());
            for (int j = 0; j < d; j++)
            {
                var coordinate = _coordinates[j];
                double value;
                if (coordinate.Kind == DimensionKind.Categorical)
                {
                    int categories = coordinate.Categories;
                    value = Pick(_categoryCumulative[j].AsSpan(k * categories, categories), random.NextDouble());
                }
                else
                {
                    int at = (j * _kernels) + k;
                    value = Gaussian.NextTruncated(random, _mu[at], _sigma[at], 0, 1);
                    if (coordinate.Kind == DimensionKind.Integer)
                    {
                        value = coordinate.Snap(value);
                    }
                }

                points[(p * d) + j] = value;
            }
        }
    }

    /// <summary>The log density (log probability on integer and categorical coordinates) of points.</summary>
    /// <param name="points">The points, point-major, as <see cref="Sample"/> writes them.</param>
    /// <param name="logDensity">Receives one value per point.</param>
    /// <param name="scratch">At least <see cref="Kernels"/> doubles.</param>
    public void LogPdf(ReadOnlySpan<double> points, Span<double> logDensity, Span<double> scratch)
    {
        int d = _coordinates.Length;
        int kernels = _kernels;
        var terms = scratch[..kernels];
        for (int p = 0; p < logDensity.Length; p++)
        {
            _constant.AsSpan(0, kernels).CopyTo(terms);
            for (int j = 0; j < d; j++)
            {
                var coordinate = _coordinates[j];
                double x = points[(p * d) + j];
                switch (coordinate.Kind)
                {
                    case DimensionKind.Categorical:
                    {
                        var logProbability = _categoryLogProbability[j]!;
                        int categories = coordinate.Categories;
                        int c = (int)x;
                        for (int k = 0; k < kernels; k++)
                        {
                            terms[k] += logProbability[(k * categories) + c];
                        }

                        break;
                    }

                    case DimensionKind.Integer:
                    {
                        coordinate.Cell(x, out double low, out double high);
                        var mu = _mu.AsSpan(j * kernels, kernels);
                        var sigma = _sigma.AsSpan(j * kernels, kernels);
                        for (int k = 0; k < kernels; k++)
                        {
                            terms[k] += Gaussian.LogMass((low - mu[k]) / sigma[k], (high - mu[k]) / sigma[k]);
                        }

                        break;
                    }

                    default:
                        AddGaussianExponent(terms, x, _mu.AsSpan(j * kernels, kernels), _inverseTwoVariance.AsSpan(j * kernels, kernels));
                        break;
                }
            }

            logDensity[p] = LogSumExp(terms);
        }
    }

    /// <summary>terms[k] −= (x − mu[k])² · inverse[k], vectorised.</summary>
    private static void AddGaussianExponent(Span<double> terms, double x, ReadOnlySpan<double> mu, ReadOnlySpan<double> inverse)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && terms.Length >= Vector<double>.Count)
        {
            var xs = new Vector<double>(x);
            var termVectors = MemoryMarshal.Cast<double, Vector<double>>(terms);
            var muVectors = MemoryMarshal.Cast<double, Vector<double>>(mu);
            var inverseVectors = MemoryMarshal.Cast<double, Vector<double>>(inverse);
            for (int v = 0; v < termVectors.Length; v++)
            {
                var diff = xs - muVectors[v];
                termVectors[v] -= diff * diff * inverseVectors[v];
            }

            k = termVectors.Length * Vector<double>.Count;
        }

        for (; k < terms.Length; k++)
        {
            double diff = x - mu[k];
            terms[k] -= diff * diff * inverse[k];
        }
    }

    private static double LogSumExp(Span<double> terms)
    {
        double max = double.NegativeInfinity;
        foreach (double t in terms)
        {
            if (t > max)
            {
                max = t;
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        int k = 0;
#if NET9_0_OR_GREATER
        if (Vector.IsHardwareAccelerated && terms.Length >= Vector<double>.Count)
        {
            var shift = new Vector<double>(max);
            var floor = new Vector<double>(-700);
            var total = Vector<double>.Zero;
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(terms);
            for (int v = 0; v < vectors.Length; v++)
            {
                total += Vector.Exp(Vector.Max(vectors[v] - shift, floor));
            }

            sum = Vector.Sum(total);
            k = vectors.Length * Vector<double>.Count;
        }
#endif
        for (; k < terms.Length; k++)
        {
            double shifted = terms[k] - max;
            if (shifted > -700)
            {
                sum += Math.Exp(shifted);
            }
        }

        return max + Math.Log(sum);
    }

    /// <summary>The first index whose cumulative probability reaches <paramref name="u"/> (binary search).</summary>
    private static int Pick(ReadOnlySpan<double> cumulative, double u)
    {
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            int mid = (low + high) >> 1;
            if (cumulative[mid] > u)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    /// <summary>
    /// Optuna's univariate bandwidths: with the kernels' centres sorted between the ends 0 and 1, each
    /// gets the larger gap to its neighbours; the outermost take the gap to their inner neighbour only
    /// (ends not considered) once there are at least two kernels.
    /// </summary>
    private static void NeighbourGaps(ReadOnlySpan<double> mu, Span<double> sigma)
    {
        int n = mu.Length;
        var order = new int[n];
        var sorted = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            sorted[i] = mu[i];
        }

        Array.Sort(sorted, order);
        for (int s = 0; s < n; s++)
        {
            double left = s == 0 ? 0 : sorted[s - 1];
            double right = s == n - 1 ? 1 : sorted[s + 1];
            double gap = Math.Max(sorted[s] - left, right - sorted[s]);
            if (n >= 2 && s == 0)
            {
                gap = sorted[1] - sorted[0];
            }
            else if (n >= 2 && s == n - 1)
            {
                gap = sorted[n - 1] - sorted[n - 2];
            }

            sigma[order[s]] = gap;
        }
    }

    private void BuildCategorical(int j, ReadOnlySpan<double> observations, int count)
    {
        int d = _coordinates.Length;
        int categories = _coordinates[j].Categories;
        int kernels = _kernels;
        var logProbability = new double[kernels * categories];
        var cumulative = new double[kernels * categories];
        double share = TpeRules.PriorWeight / kernels;
        for (int k = 0; k < kernels; k++)
        {
            int observed = k < count ? (int)observations[(k * d) + j] : -1;
            double rowTotal = (share * categories) + (observed >= 0 ? 1 : 0);
            double sum = 0;
            for (int c = 0; c < categories; c++)
            {
                double p = (share + (c == observed ? 1 : 0)) / rowTotal;
                logProbability[(k * categories) + c] = Math.Log(p);
                sum += p;
                cumulative[(k * categories) + c] = sum;
            }

            cumulative[(k * categories) + categories - 1] = 1;
        }

        _categoryLogProbability[j] = logProbability;
        _categoryCumulative[j] = cumulative;
    }
}
