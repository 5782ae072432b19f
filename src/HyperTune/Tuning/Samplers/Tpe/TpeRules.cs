using System;

namespace HyperTune.Tuning;

/// <summary>The constants and rules of Optuna 3.x's TPE that do not depend on the data's shape.</summary>
internal static class TpeRules
{
    /// <summary>Candidates drawn from l(x) per proposal (Optuna's <c>n_ei_candidates</c>).</summary>
    public const int Candidates = 24;

    /// <summary>The weight of the prior component against observation weights of 1.</summary>
    public const double PriorWeight = 1.0;

    /// <summary>The newest observations that always weigh 1 (and the count below which all do).</summary>
    public const int FlatWeights = 25;

    /// <summary>
    /// The factor of the multivariate bandwidth, factor · n^(−1/(d+4)) (Scott's rule as Falkner et al. 2018
    /// and Optuna use it). Optuna's factor is 0.2; 0.12 is HyperTune's, measured over 100 seeds of the tuner
    /// suite: Hartmann-6's median best at 100 trials −3.00 → −3.10, Branin's unchanged within noise (see
    /// docs/performance.md, "Tuner"). Narrower joint kernels exploit the good group more.
    /// </summary>
    public const double ScottFactor = 0.12;

    /// <summary>The size of the good group: γ(n) = min(⌈0.1 n⌉, 25).</summary>
    /// <param name="finished">Finished (complete or pruned) observations.</param>
    /// <returns>How many of the best form l(x).</returns>
    public static int Gamma(int finished) => Math.Min((int)Math.Ceiling(0.1 * finished), 25);

    /// <summary>
    /// Observation weights in chronological order: 1 for fewer than 25 observations; otherwise the oldest
    /// n − 25 ramp linearly from 1/n to 1 and the newest 25 weigh 1.
    /// </summary>
    /// <param name="weights">Receives one weight per observation, oldest first.</param>
    public static void Weights(Span<double> weights)
    {
        int n = weights.Length;
        if (n < FlatWeights)
        {
            weights.Fill(1);
            return;
        }

        int ramp = n - FlatWeights;
        for (int i = 0; i < ramp; i++)
        {
            // numpy.linspace(1/n, 1, ramp): the ends included; a single point is the start.
            weights[i] = ramp == 1 ? 1.0 / n : (1.0 / n) + (i * (1 - (1.0 / n)) / (ramp - 1));
        }

        weights[ramp..].Fill(1);
    }

    /// <summary>
    /// The magic clip's smallest bandwidth on a range of width 1: 1 / min(100, 1 + kernels), where the
    /// kernels count the prior.
    /// </summary>
    /// <param name="kernels">Observation kernels plus the prior.</param>
    /// <returns>The smallest bandwidth.</returns>
    public static double MinBandwidth(int kernels) => 1.0 / Math.Min(100.0, 1.0 + kernels);
}
