using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// The Matérn-5/2 kernel with automatic relevance determination:
/// k(x, x') = s · (1 + √5·r + 5/3·r²) · exp(−√5·r), with r² = Σ_d ℓ_d⁻² · δ_d²,
/// where δ_d² is the squared difference of a numeric coordinate and the Hamming distance
/// (0 or 1) of a categorical one. Functions here work on r², as the fit and the acquisition do.
/// </summary>
internal static class Matern52Kernel
{
    private const double Sqrt5 = 2.2360679774997896964;

    /// <summary>The kernel's correlation at a scaled squared distance.</summary>
    /// <param name="r2">r², non-negative.</param>
    /// <returns>(1 + √(5r²) + 5r²/3) · exp(−√(5r²)).</returns>
    public static double Value(double r2)
    {
        double r = Math.Sqrt(5 * r2);
        return (1 + r + (r * r / 3)) * Math.Exp(-r);
    }

    /// <summary>The derivative of <see cref="Value"/> with respect to r² (finite at 0, unlike the derivative in r).</summary>
    /// <param name="r2">r², non-negative.</param>
    /// <returns>−5/6 · (1 + √(5r²)) · exp(−√(5r²)).</returns>
    public static double Derivative(double r2)
    {
        double r = Math.Sqrt(5 * r2);
        return -5.0 / 6 * (1 + r) * Math.Exp(-r);
    }

    /// <summary>Evaluates the correlation, and optionally its derivative in r², over a span of r².</summary>
    /// <param name="r2">The scaled squared distances.</param>
    /// <param name="value">Receives the correlations.</param>
    /// <param name="derivative">Receives the derivatives, or is empty when not wanted.</param>
    public static void Evaluate(ReadOnlySpan<double> r2, Span<double> value, Span<double> derivative)
    {
        int i = 0;
        bool wantDerivative = !derivative.IsEmpty;
#if NET9_0_OR_GREATER
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            var five = new Vector<double>(5);
            var third = new Vector<double>(1.0 / 3);
            var minusFiveSixths = new Vector<double>(-5.0 / 6);
            ref double r2Ref = ref MemoryMarshal.GetReference(r2);
            ref double valueRef = ref MemoryMarshal.GetReference(value);
            ref double derivativeRef = ref MemoryMarshal.GetReference(derivative);
            for (; i <= r2.Length - width; i += width)
            {
                var r = Vector.SquareRoot(five * Vector.LoadUnsafe(ref r2Ref, (nuint)i));
                var e = Vector.Exp(-r);
                var onePlusR = Vector<double>.One + r;
                Vector.StoreUnsafe((onePlusR + (r * r * third)) * e, ref valueRef, (nuint)i);
                if (wantDerivative)
                {
                    Vector.StoreUnsafe(minusFiveSixths * onePlusR * e, ref derivativeRef, (nuint)i);
                }
            }
        }
#endif
        for (; i < r2.Length; i++)
        {
            double r = Math.Sqrt(5 * r2[i]);
            double e = Math.Exp(-r);
            value[i] = (1 + r + (r * r / 3)) * e;
            if (wantDerivative)
            {
                derivative[i] = -5.0 / 6 * (1 + r) * e;
            }
        }
    }

    /// <summary>
    /// Writes r² between one point and every point of a column-major set:
    /// r²ᵢ = Σ_d w_d · δ_d(x_d, X_{d,i})², where <paramref name="weights"/> are the inverse squared length scales.
    /// </summary>
    /// <param name="x">The point, one coordinate per dimension.</param>
    /// <param name="columns">The set, dimension-major: column d holds the d-th coordinate of every point.</param>
    /// <param name="count">The number of points in the set (the length of a column).</param>
    /// <param name="weights">Inverse squared length scales, one per dimension.</param>
    /// <param name="isCategorical">Which dimensions use the Hamming distance.</param>
    /// <param name="r2">Receives one r² per point of the set.</param>
    public static void SquaredDistances(ReadOnlySpan<double> x, ReadOnlySpan<double> columns, int count, ReadOnlySpan<double> weights, ReadOnlySpan<bool> isCategorical, Span<double> r2)
    {
        r2 = r2.Slice(0, count);
        r2.Clear();
        int width = Vector<double>.Count;
        ref double r2Ref = ref MemoryMarshal.GetReference(r2);
        for (int d = 0; d < x.Length; d++)
        {
            ReadOnlySpan<double> column = columns.Slice(d * count, count);
            ref double columnRef = ref MemoryMarshal.GetReference(column);
            double w = weights[d], xd = x[d];
            int i = 0;
            if (isCategorical[d])
            {
                if (Vector.IsHardwareAccelerated)
                {
                    var xv = new Vector<double>(xd);
                    var wv = new Vector<double>(w);
                    for (; i <= count - width; i += width)
                    {
                        var equal = Vector.Equals(xv, Vector.LoadUnsafe(ref columnRef, (nuint)i));
                        Vector.StoreUnsafe(Vector.LoadUnsafe(ref r2Ref, (nuint)i) + Vector.ConditionalSelect(equal, Vector<double>.Zero, wv), ref r2Ref, (nuint)i);
                    }
                }

                for (; i < count; i++)
                {
                    if (column[i] != xd)
                    {
                        r2[i] += w;
                    }
                }
            }
            else
            {
                if (Vector.IsHardwareAccelerated)
                {
                    var xv = new Vector<double>(xd);
                    var wv = new Vector<double>(w);
                    for (; i <= count - width; i += width)
                    {
                        var diff = xv - Vector.LoadUnsafe(ref columnRef, (nuint)i);
                        Vector.StoreUnsafe(Vector.LoadUnsafe(ref r2Ref, (nuint)i) + (wv * diff * diff), ref r2Ref, (nuint)i);
                    }
                }

                for (; i < count; i++)
                {
                    double diff = xd - column[i];
                    r2[i] += w * diff * diff;
                }
            }
        }
    }
}
