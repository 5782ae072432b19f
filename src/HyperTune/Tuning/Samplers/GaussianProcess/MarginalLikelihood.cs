using System;
using System.Buffers;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// The objective the kernel fit minimises: the negative log marginal likelihood of standardised values
/// under a zero-mean Gaussian process, minus the log prior, with its gradient in the raw parameters
/// (<see cref="KernelParameters"/>). With C = K + σ²I = L·Lᵀ and α = C⁻¹y:
/// log p(y) = −½·yᵀα − Σ log Lᵢᵢ − n/2·log 2π, and ∂ log p / ∂θ = ½·tr((ααᵀ − C⁻¹)·∂C/∂θ).
/// The squared differences of every pair of points are computed once; each evaluation then costs one
/// kernel matrix, one Cholesky factor and one inverse (n³/2 multiply-adds). Buffers are rented once
/// per fit and returned by <see cref="Dispose"/>; evaluations allocate nothing.
/// </summary>
internal sealed class MarginalLikelihood : IDisposable
{
    private static readonly double s_halfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    private readonly int _n;
    private readonly int _pairs;
    private readonly int _dimensions;
    private readonly double[] _y;
    private readonly double[] _squaredDifferences;
    private readonly double[] _r2;
    private readonly double[] _correlation;
    private readonly double[] _slope;
    private readonly double[] _weights;
    private readonly double[] _c;
    private readonly double[] _l;
    private readonly double[] _u;
    private readonly double[] _inverse;
    private readonly double[] _z;
    private readonly double[] _alpha;

    /// <summary>Prepares the objective for a set of points.</summary>
    /// <param name="points">The points, row-major: <paramref name="rows"/> selects which rows of it take part.</param>
    /// <param name="dimensions">Coordinates per point.</param>
    /// <param name="rows">The rows to fit on.</param>
    /// <param name="y">The standardised values, indexed like <paramref name="points"/>' rows.</param>
    /// <param name="isCategorical">Which dimensions use the Hamming distance.</param>
    public MarginalLikelihood(ReadOnlySpan<double> points, int dimensions, ReadOnlySpan<int> rows, ReadOnlySpan<double> y, ReadOnlySpan<bool> isCategorical)
    {
        _n = rows.Length;
        _dimensions = dimensions;
        _pairs = _n * (_n - 1) / 2;
        var pool = ArrayPool<double>.Shared;
        _y = pool.Rent(_n);
        _squaredDifferences = pool.Rent(Math.Max(1, _pairs * dimensions));
        _r2 = pool.Rent(Math.Max(1, _pairs));
        _correlation = pool.Rent(Math.Max(1, _pairs));
        _slope = pool.Rent(Math.Max(1, _pairs));
        _weights = pool.Rent(Math.Max(1, _pairs));
        _c = pool.Rent(_n * _n);
        _l = pool.Rent(_n * _n);
        _u = pool.Rent(_n * _n);
        _inverse = pool.Rent(_n * _n);
        _z = pool.Rent(_n);
        _alpha = pool.Rent(_n);
        for (int i = 0; i < _n; i++)
        {
            _y[i] = y[rows[i]];
        }

        for (int d = 0; d < dimensions; d++)
        {
            Span<double> column = _squaredDifferences.AsSpan(d * _pairs, _pairs);
            bool categorical = isCategorical[d];
            int p = 0;
            for (int i = 1; i < _n; i++)
            {
                double xi = points[(rows[i] * dimensions) + d];
                for (int j = 0; j < i; j++, p++)
                {
                    double diff = xi - points[(rows[j] * dimensions) + d];
                    column[p] = categorical ? (diff == 0 ? 0 : 1) : diff * diff;
                }
            }
        }
    }

    /// <summary>The number of points.</summary>
    public int Count => _n;

    /// <summary>The loss −(log p(y | θ) + log p(θ)) and its gradient.</summary>
    /// <param name="raw">θ.</param>
    /// <param name="gradient">Receives ∂loss/∂θ.</param>
    /// <returns>The loss, or +∞ where the covariance is not numerically positive definite.</returns>
    public double Loss(ReadOnlySpan<double> raw, Span<double> gradient)
    {
        gradient.Clear();
        double logLikelihood = LogMarginalLikelihood(raw, gradient);
        if (!double.IsFinite(logLikelihood))
        {
            gradient.Clear();
            return double.PositiveInfinity;
        }

        double logPrior = KernelPrior.LogDensity(raw, gradient);
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = -gradient[i];
        }

        return -(logLikelihood + logPrior);
    }

    /// <summary>The log marginal likelihood, and its gradient in the raw parameters added into <paramref name="gradient"/> unless that is empty.</summary>
    /// <param name="raw">θ.</param>
    /// <param name="gradient">Receives ∂ log p / ∂θ (added), or empty.</param>
    /// <returns>log p(y | θ), or NaN where the covariance is not numerically positive definite.</returns>
    public double LogMarginalLikelihood(ReadOnlySpan<double> raw, Span<double> gradient)
    {
        int n = _n, pairs = _pairs, dimensions = _dimensions;
        double signal = Math.Exp(raw[dimensions]);
        double noiseExcess = Math.Exp(raw[dimensions + 1]);
        double noise = noiseExcess + KernelParameters.MinimumNoise;

        Span<double> r2 = _r2.AsSpan(0, pairs);
        r2.Clear();
        for (int d = 0; d < dimensions; d++)
        {
            DenseLinearAlgebra.AddScaled(Math.Exp(raw[d]), _squaredDifferences.AsSpan(d * pairs, pairs), r2);
        }

        bool wantGradient = !gradient.IsEmpty;
        Span<double> correlation = _correlation.AsSpan(0, pairs);
        Span<double> slope = _slope.AsSpan(0, pairs);
        Matern52Kernel.Evaluate(r2, correlation, wantGradient ? slope : default);

        Span<double> c = _c.AsSpan(0, n * n);
        for (int i = 0, p = 0; i < n; i++)
        {
            int row = i * n;
            for (int j = 0; j < i; j++, p++)
            {
                c[row + j] = signal * correlation[p];
            }

            c[row + i] = signal + noise;
        }

        Span<double> l = _l.AsSpan(0, n * n);
        if (!DenseLinearAlgebra.Cholesky(c, l, n))
        {
            return double.NaN;
        }

        Span<double> y = _y.AsSpan(0, n);
        Span<double> z = _z.AsSpan(0, n);
        DenseLinearAlgebra.SolveLower(l, y, z, n);
        double logDeterminantHalf = 0;
        for (int i = 0; i < n; i++)
        {
            logDeterminantHalf += Math.Log(l[(i * n) + i]);
        }

        double logLikelihood = (-0.5 * DenseLinearAlgebra.Dot(z, z)) - logDeterminantHalf - (n * s_halfLog2Pi);
        if (!wantGradient)
        {
            return logLikelihood;
        }

        Span<double> u = _u.AsSpan(0, n * n);
        Span<double> inverse = _inverse.AsSpan(0, n * n);
        Span<double> alpha = _alpha.AsSpan(0, n);
        DenseLinearAlgebra.InverseTransposeOfLower(l, u, n);
        DenseLinearAlgebra.InverseFromInverseFactor(u, inverse, n);
        DenseLinearAlgebra.Multiply(inverse, y, alpha, n);

        // W = ααᵀ − C⁻¹. Off the diagonal (each pair once, so no ½): the signal's share is W·s·M and
        // the length scales' weights are W·s·M'; on the diagonal the signal and the noise share ½·Wᵢᵢ.
        Span<double> weights = _weights.AsSpan(0, pairs);
        double signalGradient = 0;
        double diagonal = 0;
        for (int i = 0, p = 0; i < n; i++)
        {
            double ai = alpha[i];
            int row = i * n;
            for (int j = 0; j < i; j++, p++)
            {
                double w = (ai * alpha[j]) - inverse[row + j];
                signalGradient += w * correlation[p];
                weights[p] = w * slope[p];
            }

            diagonal += (ai * ai) - inverse[row + i];
        }

        for (int d = 0; d < dimensions; d++)
        {
            gradient[d] += signal * Math.Exp(raw[d]) * DenseLinearAlgebra.Dot(weights, _squaredDifferences.AsSpan(d * pairs, pairs));
        }

        gradient[dimensions] += signal * (signalGradient + (0.5 * diagonal));
        gradient[dimensions + 1] += 0.5 * diagonal * noiseExcess;
        return logLikelihood;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var pool = ArrayPool<double>.Shared;
        pool.Return(_y);
        pool.Return(_squaredDifferences);
        pool.Return(_r2);
        pool.Return(_correlation);
        pool.Return(_slope);
        pool.Return(_weights);
        pool.Return(_c);
        pool.Return(_l);
        pool.Return(_u);
        pool.Return(_inverse);
        pool.Return(_z);
        pool.Return(_alpha);
    }
}
