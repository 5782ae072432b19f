using System;
using System.Collections.Generic;
using HyperTune.Tuning.GaussianProcess;

namespace HyperTune.Tuning;

/// <summary>
/// Bayesian optimisation with a Gaussian process (Snoek, Larochelle, Adams 2012), as Optuna 4's
/// GPSampler does it. After <see cref="SamplerContext.StartupTrials"/> finished trials drawn at random:
/// <list type="number">
/// <item>the finished trials' points become kernel inputs (<see cref="GaussianProcessSpace"/>: unit cube,
/// log ranges already in the logarithm, integers at their integer, categories by index, inactive
/// coordinates fixed to a constant) and their scores are standardised (mean 0, variance 1, signs turned
/// so that higher is better);</item>
/// <item>a Matérn-5/2 kernel with one length scale per dimension, a signal and a noise variance is fitted
/// by maximising the log marginal likelihood plus a weak prior (<see cref="KernelFit"/>); above
/// <see cref="GaussianProcessOptions.MaxFitPoints"/> trials the hyperparameters are fitted on a subset
/// (the best half and an even spread of the rest) and the model then conditions on every trial;</item>
/// <item>running trials (other workers' pending points) join the model with the best observed value
/// (Optuna's "best" constant liar), which leaves no expected improvement at and near them;</item>
/// <item>log expected improvement over the best complete trial is maximised (<see cref="AcquisitionOptimizer"/>).</item>
/// </list>
/// Pruned trials are modelled with their last reported value (what the pruner judged bad), but never set
/// the incumbent while a complete trial exists; failed trials are ignored. Deterministic for a context:
/// every draw comes from <see cref="SamplerContext.Random"/>.
/// </summary>
internal sealed class GaussianProcessSampler : ISampler
{
    private const double StandardDeviationFloor = 1e-10;

    private readonly GaussianProcessOptions _options;
    private readonly RandomSampler _startup = new();

    /// <summary>Creates the sampler with its defaults.</summary>
    public GaussianProcessSampler()
        : this(new GaussianProcessOptions())
    {
    }

    /// <summary>Creates the sampler with explicit effort settings.</summary>
    /// <param name="options">The fit's and the acquisition search's effort.</param>
    public GaussianProcessSampler(GaussianProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc/>
    public SamplerProposal? Propose(SamplerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int dimensions = context.Space.Count;
        var observed = new List<TrialRecord>();
        var pending = new List<TrialRecord>();
        foreach (var trial in context.Trials)
        {
            if (trial.State is TrialState.Complete or TrialState.Pruned && trial.Value is { } value && !double.IsNaN(value) && trial.Unit.Length == dimensions)
            {
                observed.Add(trial);
            }
            else if (trial.State == TrialState.Running && trial.Unit.Length == dimensions)
            {
                pending.Add(trial);
            }
        }

        if (dimensions == 0 || observed.Count == 0 || observed.Count < context.StartupTrials)
        {
            return _startup.Propose(context);
        }

        var space = new GaussianProcessSpace(context.Space);
        int n = observed.Count;
        int total = n + pending.Count;
        var points = new double[total * dimensions];
        var y = new double[total];
        for (int i = 0; i < n; i++)
        {
            space.Encode(observed[i].Unit, points.AsSpan(i * dimensions, dimensions));
            y[i] = -context.Score(observed[i].Value!.Value);
        }

        for (int i = 0; i < pending.Count; i++)
        {
            space.Encode(pending[i].Unit, points.AsSpan((n + i) * dimensions, dimensions));
        }

        Standardize(y.AsSpan(0, n));

        // The incumbent: the best complete trial (a pruned trial's value is from a partial budget).
        int best = -1;
        for (int i = 0; i < n; i++)
        {
            bool eligible = observed[i].State == TrialState.Complete;
            if (eligible && (best < 0 || y[i] > y[best]))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            best = 0;
            for (int i = 1; i < n; i++)
            {
                if (y[i] > y[best])
                {
                    best = i;
                }
            }
        }

        double incumbent = y[best];
        KernelParameters parameters;
        int[] rows = FitRows(y.AsSpan(0, n), _options.MaxFitPoints);
        using (var likelihood = new MarginalLikelihood(points, dimensions, rows, y, space.IsCategorical))
        {
            parameters = KernelFit.Fit(likelihood, dimensions, _options.Fit, out _);
        }

        // Constant liar: pending points are told the best observed value.
        for (int i = n; i < total; i++)
        {
            y[i] = incumbent;
        }

        GaussianProcessPosterior posterior;
        try
        {
            posterior = new GaussianProcessPosterior(points, total, dimensions, y, space.IsCategorical, parameters);
        }
        catch (InvalidOperationException)
        {
            // Only non-finite inputs defeat the jitter; a study must go on, so draw at random.
            return _startup.Propose(context);
        }

        using var model = posterior;
        var optimizer = new AcquisitionOptimizer(space, posterior, incumbent);
        double[] x = optimizer.Maximize(context.Random, points.AsSpan(best * dimensions, dimensions), _options.Acquisition, out _);
        return new SamplerProposal(space.Decode(x));
    }

    /// <summary>Turns values into z-scores in place (infinite ones first clipped to the finite range).</summary>
    /// <param name="values">The values.</param>
    internal static void Standardize(Span<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (double.IsInfinity(min))
        {
            min = max = 0;
        }

        double mean = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Clamp(values[i], min, max);
            mean += values[i];
        }

        mean /= values.Length;
        double variance = 0;
        foreach (double v in values)
        {
            variance += (v - mean) * (v - mean);
        }

        double deviation = Math.Max(StandardDeviationFloor, Math.Sqrt(variance / values.Length));
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (values[i] - mean) / deviation;
        }
    }

    /// <summary>
    /// The trials the hyperparameters are fitted on: all of them up to <paramref name="limit"/>; beyond,
    /// the best half of the limit and an even spread (by trial order) over the others, so the fit sees
    /// both the region being refined and the space as a whole, at a bounded cost.
    /// </summary>
    /// <param name="y">Standardised values (higher is better).</param>
    /// <param name="limit">The largest number of rows.</param>
    /// <returns>Row indices, in increasing order.</returns>
    internal static int[] FitRows(ReadOnlySpan<double> y, int limit)
    {
        int n = y.Length;
        if (n <= limit)
        {
            var all = new int[n];
            for (int i = 0; i < n; i++)
            {
                all[i] = i;
            }

            return all;
        }

        var order = new int[n];
        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = -y[i];
        }

        Array.Sort(keys, order);
        var chosen = new bool[n];
        int bestCount = limit / 2;
        for (int k = 0; k < bestCount; k++)
        {
            chosen[order[k]] = true;
        }

        // Spread the rest evenly over the remaining trials, in trial order.
        int restCount = limit - bestCount;
        var rest = new List<int>(n - bestCount);
        for (int i = 0; i < n; i++)
        {
            if (!chosen[i])
            {
                rest.Add(i);
            }
        }

        for (int k = 0; k < restCount; k++)
        {
            chosen[rest[(int)((long)k * rest.Count / restCount)]] = true;
        }

        var rows = new int[limit];
        for (int i = 0, r = 0; i < n; i++)
        {
            if (chosen[i])
            {
                rows[r++] = i;
            }
        }

        return rows;
    }
}

/// <summary>The Gaussian-process sampler's effort settings; the defaults keep a proposal under 20 ms at 200 trials.</summary>
/// <param name="MaxFitPoints">The most trials the hyperparameters are fitted on.</param>
/// <param name="Fit">The kernel fit's search.</param>
/// <param name="Acquisition">The acquisition search.</param>
internal sealed record GaussianProcessOptions(int MaxFitPoints, KernelFitOptions Fit, AcquisitionOptions Acquisition)
{
    /// <summary>The defaults.</summary>
    public GaussianProcessOptions()
        : this(80, new KernelFitOptions(), new AcquisitionOptions())
    {
    }
}
