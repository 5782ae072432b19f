using System;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// The kernel's hyperparameters: an inverse squared length scale per dimension (ARD), the signal
/// variance s and the noise variance σ². The fit works on an unconstrained raw vector
/// θ = (log ℓ₁⁻², …, log ℓ_D⁻², log s, log(σ² − σ²_min)), so all three stay positive and the noise
/// never drops below <see cref="MinimumNoise"/>.
/// </summary>
internal sealed class KernelParameters
{
    /// <summary>The smallest noise variance (on standardised values), which keeps the Cholesky factor well conditioned.</summary>
    public const double MinimumNoise = 1e-6;

    /// <summary>Creates parameters.</summary>
    /// <param name="inverseSquaredLengthScales">One ℓ⁻² per dimension.</param>
    /// <param name="signalVariance">s.</param>
    /// <param name="noiseVariance">σ², at least <see cref="MinimumNoise"/>.</param>
    public KernelParameters(double[] inverseSquaredLengthScales, double signalVariance, double noiseVariance)
    {
        InverseSquaredLengthScales = inverseSquaredLengthScales;
        SignalVariance = signalVariance;
        NoiseVariance = noiseVariance;
    }

    /// <summary>ℓ_d⁻², one per dimension.</summary>
    public double[] InverseSquaredLengthScales { get; }

    /// <summary>The kernel's value at distance 0 (the prior variance of the standardised objective).</summary>
    public double SignalVariance { get; }

    /// <summary>The observation noise variance.</summary>
    public double NoiseVariance { get; }

    /// <summary>The number of raw parameters for <paramref name="dimensions"/> dimensions.</summary>
    /// <param name="dimensions">The number of dimensions.</param>
    /// <returns>dimensions + 2.</returns>
    public static int RawCount(int dimensions) => dimensions + 2;

    /// <summary>The parameters a raw vector stands for.</summary>
    /// <param name="raw">θ.</param>
    /// <returns>The parameters.</returns>
    public static KernelParameters FromRaw(ReadOnlySpan<double> raw)
    {
        int dimensions = raw.Length - 2;
        var weights = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            weights[d] = Math.Exp(raw[d]);
        }

        return new KernelParameters(weights, Math.Exp(raw[dimensions]), Math.Exp(raw[dimensions + 1]) + MinimumNoise);
    }

    /// <summary>Writes the raw vector of a starting point: every ℓ⁻² equal, a signal and a noise variance.</summary>
    /// <param name="raw">Receives θ.</param>
    /// <param name="inverseSquaredLengthScale">ℓ⁻² for every dimension.</param>
    /// <param name="signalVariance">s.</param>
    /// <param name="noiseVariance">σ², above <see cref="MinimumNoise"/>.</param>
    public static void WriteRaw(Span<double> raw, double inverseSquaredLengthScale, double signalVariance, double noiseVariance)
    {
        int dimensions = raw.Length - 2;
        for (int d = 0; d < dimensions; d++)
        {
            raw[d] = Math.Log(inverseSquaredLengthScale);
        }

        raw[dimensions] = Math.Log(signalVariance);
        raw[dimensions + 1] = Math.Log(noiseVariance - MinimumNoise);
    }
}

/// <summary>
/// The weak prior on the hyperparameters (Optuna's GPSampler's choice): −(0.1/ℓ⁻² + 0.1·ℓ⁻²) per
/// dimension, which favours length scales near the unit cube's side; Gamma(2, 1) on the signal variance;
/// Gamma(1.1, 30) on the noise variance, which favours little noise. Constants dropped.
/// </summary>
internal static class KernelPrior
{
    /// <summary>The log prior density at a raw vector, and its gradient with respect to the raw vector added into <paramref name="gradient"/>.</summary>
    /// <param name="raw">θ.</param>
    /// <param name="gradient">Receives ∂ log p / ∂θ, added to what it holds.</param>
    /// <returns>log p(θ) up to a constant.</returns>
    public static double LogDensity(ReadOnlySpan<double> raw, Span<double> gradient)
    {
        int dimensions = raw.Length - 2;
        double sum = 0;
        for (int d = 0; d < dimensions; d++)
        {
            double w = Math.Exp(raw[d]);
            sum -= (0.1 / w) + (0.1 * w);
            gradient[d] += (0.1 / w) - (0.1 * w);
        }

        // Gamma(2, 1) on s: (2 − 1)·log s − s; d/d log s = 1 − s.
        double s = Math.Exp(raw[dimensions]);
        sum += raw[dimensions] - s;
        gradient[dimensions] += 1 - s;

        // Gamma(1.1, 30) on σ² = e^θ + σ²_min: 0.1·log σ² − 30σ²; d/dθ = (0.1/σ² − 30)·e^θ.
        double e = Math.Exp(raw[dimensions + 1]);
        double noise = e + KernelParameters.MinimumNoise;
        sum += (0.1 * Math.Log(noise)) - (30 * noise);
        gradient[dimensions + 1] += ((0.1 / noise) - 30) * e;
        return sum;
    }
}
