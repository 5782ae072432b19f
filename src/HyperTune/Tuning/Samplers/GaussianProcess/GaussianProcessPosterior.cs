using System;
using System.Buffers;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// A Gaussian process conditioned on its training points with fixed hyperparameters: the posterior
/// mean μ(x) = k(x)ᵀα and variance v(x) = s − ‖L⁻¹k(x)‖² of the latent function (without the noise),
/// and their gradients in the numeric coordinates of x. The factor, its inverse and α are computed
/// once; each evaluation costs one kernel row and one triangular product, and allocates nothing.
/// </summary>
internal sealed class GaussianProcessPosterior : IDisposable
{
    private readonly int _n;
    private readonly int _dimensions;
    private readonly bool[] _isCategorical;
    private readonly double[] _weights;
    private readonly double _signal;
    private readonly double[] _columns;
    private readonly double[] _lowerInverse;
    private readonly double[] _upperInverse;
    private readonly double[] _alpha;
    private readonly double[] _r2;
    private readonly double[] _k;
    private readonly double[] _slope;
    private readonly double[] _v;
    private readonly double[] _beta;
    private readonly double[] _batch;

    /// <summary>Conditions the process on training points.</summary>
    /// <param name="points">The training points, row-major, <paramref name="count"/> × <paramref name="dimensions"/> (kernel inputs).</param>
    /// <param name="count">The number of training points, at least 1.</param>
    /// <param name="dimensions">Coordinates per point.</param>
    /// <param name="y">The training values.</param>
    /// <param name="isCategorical">Which dimensions use the Hamming distance.</param>
    /// <param name="parameters">The kernel's hyperparameters.</param>
    public GaussianProcessPosterior(ReadOnlySpan<double> points, int count, int dimensions, ReadOnlySpan<double> y, bool[] isCategorical, KernelParameters parameters)
    {
        _n = count;
        _dimensions = dimensions;
        _isCategorical = isCategorical;
        _weights = parameters.InverseSquaredLengthScales;
        _signal = parameters.SignalVariance;
        var pool = ArrayPool<double>.Shared;
        int n = count;
        _columns = pool.Rent(Math.Max(1, n * dimensions));
        _lowerInverse = pool.Rent(n * n);
        _upperInverse = pool.Rent(n * n);
        _alpha = pool.Rent(n);
        _r2 = pool.Rent(n);
        _k = pool.Rent(n);
        _slope = pool.Rent(n);
        _v = pool.Rent(n);
        _beta = pool.Rent(n);
        _batch = pool.Rent(4 * n);
        for (int i = 0; i < n; i++)
        {
            for (int d = 0; d < dimensions; d++)
            {
                _columns[(d * n) + i] = points[(i * dimensions) + d];
            }
        }

        double[] c = pool.Rent(n * n);
        double[] l = pool.Rent(n * n);
        try
        {
            // The covariance's rows, each computed as a kernel row, then the factor; on a failed factor
            // (duplicate points with almost no noise) add jitter and try again.
            for (int i = 0; i < n; i++)
            {
                Span<double> row = c.AsSpan(i * n, n);
                Matern52Kernel.SquaredDistances(points.Slice(i * dimensions, dimensions), _columns, n, _weights, isCategorical, _r2);
                Matern52Kernel.Evaluate(_r2.AsSpan(0, n), row, default);
                for (int j = 0; j < n; j++)
                {
                    row[j] *= _signal;
                }
            }

            double jitter = parameters.NoiseVariance;
            bool factored = false;
            for (int attempt = 0; attempt < 8 && !factored; attempt++)
            {
                for (int i = 0; i < n; i++)
                {
                    c[(i * n) + i] = _signal + jitter;
                }

                factored = DenseLinearAlgebra.Cholesky(c, l, n);
                jitter = Math.Max(jitter * 10, 1e-6 * _signal);
            }

            if (!factored)
            {
                throw new InvalidOperationException($"The Gaussian process's covariance of {n} points is not positive definite even with jitter {jitter}.");
            }

            DenseLinearAlgebra.InverseTransposeOfLower(l, _upperInverse, n);
            DenseLinearAlgebra.Transpose(_upperInverse.AsSpan(0, n * n), _lowerInverse, n);
            Span<double> z = _v.AsSpan(0, n);
            DenseLinearAlgebra.SolveLower(l, y.Slice(0, n), z, n);
            for (int i = 0; i < n; i++)
            {
                _alpha[i] = DenseLinearAlgebra.Dot(_upperInverse.AsSpan((i * n) + i, n - i), z.Slice(i));
            }
        }
        finally
        {
            pool.Return(c);
            pool.Return(l);
        }
    }

    /// <summary>The signal variance: the prior variance, and the posterior variance far from every training point.</summary>
    public double SignalVariance => _signal;

    /// <summary>The posterior mean and variance at a point.</summary>
    /// <param name="x">The point (kernel inputs).</param>
    /// <param name="variance">Receives the variance, at least 0.</param>
    /// <returns>The mean.</returns>
    public double Predict(ReadOnlySpan<double> x, out double variance)
    {
        int n = _n;
        Span<double> k = _k.AsSpan(0, n);
        Matern52Kernel.SquaredDistances(x, _columns, n, _weights, _isCategorical, _r2);
        Matern52Kernel.Evaluate(_r2.AsSpan(0, n), k, default);
        double mean = _signal * DenseLinearAlgebra.Dot(k, _alpha.AsSpan(0, n));
        double explained = 0;
        for (int r = 0; r < n; r++)
        {
            double vr = DenseLinearAlgebra.Dot(_lowerInverse.AsSpan(r * n, r + 1), k.Slice(0, r + 1));
            explained += vr * vr;
        }

        variance = Math.Max(0, _signal - (_signal * _signal * explained));
        return mean;
    }

    /// <summary>
    /// The posterior mean at many points, and the variance where the mean reaches <paramref name="minimumMean"/>
    /// (NaN elsewhere: a caller that only wants points whose acquisition can still win skips the
    /// quadratic part for the rest). Variances are computed four points at a time, so the factor is
    /// read once per four.
    /// </summary>
    /// <param name="points">The points, row-major (kernel inputs).</param>
    /// <param name="minimumMean">The smallest mean whose variance is wanted; −∞ for all.</param>
    /// <param name="means">Receives the means, one per point.</param>
    /// <param name="variances">Receives the variances (at least 0), or NaN where skipped.</param>
    public void PredictMany(ReadOnlySpan<double> points, double minimumMean, Span<double> means, Span<double> variances)
    {
        int n = _n, dimensions = _dimensions, count = means.Length;
        double signal = _signal;
        Span<double> rows = _batch.AsSpan(0, 4 * n);
        Span<int> owners = stackalloc int[4];
        Span<double> explained = stackalloc double[4];
        Span<double> tile = stackalloc double[16];
        int slots = 0;
        for (int p = 0; p < count; p++)
        {
            Span<double> k = rows.Slice(slots * n, n);
            Matern52Kernel.SquaredDistances(points.Slice(p * dimensions, dimensions), _columns, n, _weights, _isCategorical, _r2);
            Matern52Kernel.Evaluate(_r2.AsSpan(0, n), k, default);
            means[p] = signal * DenseLinearAlgebra.Dot(k, _alpha.AsSpan(0, n));
            variances[p] = double.NaN;
            if (!(means[p] >= minimumMean))
            {
                continue;
            }

            owners[slots++] = p;
            if (slots < 4)
            {
                continue;
            }

            explained.Clear();
            int r = 0;
            for (; r + 4 <= n; r += 4)
            {
                // Rows r … r+3 of L⁻¹ against the four kernel rows: the shared part as a 4 × 4 tile,
                // then the rows' few extra elements below the diagonal.
                DenseLinearAlgebra.Dot4x4(_lowerInverse.AsSpan(r * n), n, rows, n, r + 1, tile);
                for (int j = 1; j < 4; j++)
                {
                    ReadOnlySpan<double> row = _lowerInverse.AsSpan((r + j) * n, n);
                    for (int i = r + 1; i <= r + j; i++)
                    {
                        for (int b = 0; b < 4; b++)
                        {
                            tile[(j * 4) + b] += row[i] * rows[(b * n) + i];
                        }
                    }
                }

                for (int t = 0; t < 16; t++)
                {
                    explained[t & 3] += tile[t] * tile[t];
                }
            }

            for (; r < n; r++)
            {
                int length = r + 1;
                DenseLinearAlgebra.Dot4(
                    _lowerInverse.AsSpan(r * n, length),
                    rows.Slice(0, length),
                    rows.Slice(n, length),
                    rows.Slice(2 * n, length),
                    rows.Slice(3 * n, length),
                    tile);
                for (int b = 0; b < 4; b++)
                {
                    explained[b] += tile[b] * tile[b];
                }
            }

            for (int b = 0; b < 4; b++)
            {
                variances[owners[b]] = Math.Max(0, signal - (signal * signal * explained[b]));
            }

            slots = 0;
        }

        // The last one to three points, one at a time.
        for (int b = 0; b < slots; b++)
        {
            ReadOnlySpan<double> k = rows.Slice(b * n, n);
            double sum = 0;
            for (int r = 0; r < n; r++)
            {
                double vr = DenseLinearAlgebra.Dot(_lowerInverse.AsSpan(r * n, r + 1), k.Slice(0, r + 1));
                sum += vr * vr;
            }

            variances[owners[b]] = Math.Max(0, signal - (signal * signal * sum));
        }
    }

    /// <summary>The posterior mean and variance at a point, with their gradients in the numeric coordinates (zero in categorical ones).</summary>
    /// <param name="x">The point (kernel inputs).</param>
    /// <param name="variance">Receives the variance, at least 0.</param>
    /// <param name="meanGradient">Receives ∂μ/∂x.</param>
    /// <param name="varianceGradient">Receives ∂v/∂x (zero where the variance was clamped at 0).</param>
    /// <returns>The mean.</returns>
    public double Predict(ReadOnlySpan<double> x, out double variance, Span<double> meanGradient, Span<double> varianceGradient)
    {
        int n = _n;
        Span<double> k = _k.AsSpan(0, n);
        Span<double> slope = _slope.AsSpan(0, n);
        Span<double> v = _v.AsSpan(0, n);
        Span<double> beta = _beta.AsSpan(0, n);
        Span<double> alpha = _alpha.AsSpan(0, n);
        double signal = _signal;
        Matern52Kernel.SquaredDistances(x, _columns, n, _weights, _isCategorical, _r2);
        Matern52Kernel.Evaluate(_r2.AsSpan(0, n), k, slope);

        // Scaled kernel row k = s·M, v = L⁻¹k, β = L⁻ᵀv = C⁻¹k.
        for (int i = 0; i < n; i++)
        {
            k[i] *= signal;
        }

        double mean = DenseLinearAlgebra.Dot(k, alpha);
        double explained = 0;
        for (int r = 0; r < n; r++)
        {
            double vr = DenseLinearAlgebra.Dot(_lowerInverse.AsSpan(r * n, r + 1), k.Slice(0, r + 1));
            v[r] = vr;
            explained += vr * vr;
        }

        double raw = signal - explained;
        variance = Math.Max(0, raw);
        for (int c = 0; c < n; c++)
        {
            beta[c] = DenseLinearAlgebra.Dot(_upperInverse.AsSpan((c * n) + c, n - c), v.Slice(c));
        }

        // ∂kᵢ/∂x_d = s·M'ᵢ·w_d·2(x_d − X_di): ∂μ/∂x_d = Σ αᵢ ∂kᵢ/∂x_d, ∂v/∂x_d = −2 Σ βᵢ ∂kᵢ/∂x_d.
        double sumA = 0, sumB = 0;
        for (int i = 0; i < n; i++)
        {
            double scaledSlope = signal * slope[i];
            double a = scaledSlope * alpha[i];
            double b = scaledSlope * beta[i];
            slope[i] = a;
            v[i] = b;
            sumA += a;
            sumB += b;
        }

        for (int d = 0; d < _dimensions; d++)
        {
            if (_isCategorical[d])
            {
                meanGradient[d] = 0;
                varianceGradient[d] = 0;
                continue;
            }

            ReadOnlySpan<double> column = _columns.AsSpan(d * n, n);
            double w2 = 2 * _weights[d];
            meanGradient[d] = w2 * ((x[d] * sumA) - DenseLinearAlgebra.Dot(slope, column));
            varianceGradient[d] = raw > 0 ? -2 * w2 * ((x[d] * sumB) - DenseLinearAlgebra.Dot(v, column)) : 0;
        }

        return mean;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var pool = ArrayPool<double>.Shared;
        pool.Return(_columns);
        pool.Return(_lowerInverse);
        pool.Return(_upperInverse);
        pool.Return(_alpha);
        pool.Return(_r2);
        pool.Return(_k);
        pool.Return(_slope);
        pool.Return(_v);
        pool.Return(_beta);
        pool.Return(_batch);
    }
}
