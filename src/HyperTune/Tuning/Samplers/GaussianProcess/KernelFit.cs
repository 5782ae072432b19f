using System;

namespace HyperTune.Tuning.GaussianProcess;

/// <summary>
/// Fits the kernel's hyperparameters by maximising the log marginal likelihood plus the weak prior
/// (<see cref="KernelPrior"/>): L-BFGS in the raw parameters from a few fixed starting points, the best
/// result kept. Samplers are stateless, so there is no previous fit to warm-start from; the starting
/// points span short and long length scales instead, and the searches are capped so a fit stays cheap.
/// </summary>
internal static class KernelFit
{
    // (ℓ⁻² for every dimension, signal variance, noise variance) of each starting point: Optuna's
    // default (all ones), then a shorter length scale with little noise, then a longer one.
    private static readonly (double Weight, double Signal, double Noise)[] s_starts =
    {
        (1, 1, 1e-2),
        (10, 1, 1e-3),
        (0.25, 1, 1e-2),
    };

    /// <summary>Fits the hyperparameters.</summary>
    /// <param name="objective">The marginal likelihood of the points to fit on.</param>
    /// <param name="dimensions">The number of dimensions.</param>
    /// <param name="options">How hard to search.</param>
    /// <param name="statistics">Receives what the fit cost.</param>
    /// <returns>The best parameters found; the first starting point's if every search failed.</returns>
    public static KernelParameters Fit(MarginalLikelihood objective, int dimensions, KernelFitOptions options, out KernelFitStatistics statistics)
    {
        int count = KernelParameters.RawCount(dimensions);
        var lower = new double[count];
        var upper = new double[count];
        for (int d = 0; d < dimensions; d++)
        {
            lower[d] = Math.Log(1e-4);
            upper[d] = Math.Log(1e6);
        }

        lower[dimensions] = Math.Log(1e-3);
        upper[dimensions] = Math.Log(1e3);
        lower[dimensions + 1] = Math.Log(1e-9);
        upper[dimensions + 1] = Math.Log(10);

        int starts = Math.Clamp(options.Restarts, 1, s_starts.Length);
        var optimizer = new BoundedLbfgs(count);
        var raw = new double[count];
        var best = new double[count];
        var gradient = new double[count];
        double bestLoss = double.PositiveInfinity;
        BoundedLbfgs.Objective loss = objective.Loss;

        // Rank the starting points by their loss, then search from the best ones.
        var startLoss = new double[s_starts.Length];
        int evaluations = 0;
        for (int s = 0; s < s_starts.Length; s++)
        {
            KernelParameters.WriteRaw(raw, s_starts[s].Weight, s_starts[s].Signal, s_starts[s].Noise);
            startLoss[s] = loss(raw, gradient);
            evaluations++;
        }

        var order = new int[s_starts.Length];
        for (int s = 0; s < order.Length; s++)
        {
            order[s] = s;
        }

        Array.Sort((double[])startLoss.Clone(), order);
        for (int k = 0; k < starts; k++)
        {
            var start = s_starts[order[k]];
            KernelParameters.WriteRaw(raw, start.Weight, start.Signal, start.Noise);
            double value = optimizer.Minimize(loss, raw, lower, upper, options.GradientTolerance, options.MaxIterations, out int used);
            evaluations += used;
            if (value < bestLoss)
            {
                bestLoss = value;
                raw.CopyTo(best, 0);
            }
        }

        if (!double.IsFinite(bestLoss))
        {
            KernelParameters.WriteRaw(best, s_starts[0].Weight, s_starts[0].Signal, s_starts[0].Noise);
        }

        statistics = new KernelFitStatistics(evaluations, bestLoss);
        return KernelParameters.FromRaw(best);
    }
}

/// <summary>How hard the kernel fit searches.</summary>
/// <param name="Restarts">L-BFGS searches, from the best-ranked starting points (1 to 3).</param>
/// <param name="MaxIterations">Iterations per search.</param>
/// <param name="GradientTolerance">The projected-gradient tolerance that ends a search.</param>
internal sealed record KernelFitOptions(int Restarts = 2, int MaxIterations = 60, double GradientTolerance = 1e-2);

/// <summary>What a fit cost and reached.</summary>
/// <param name="Evaluations">Marginal-likelihood evaluations.</param>
/// <param name="Loss">The best loss (negative log posterior of the hyperparameters, up to a constant).</param>
internal readonly record struct KernelFitStatistics(int Evaluations, double Loss);
