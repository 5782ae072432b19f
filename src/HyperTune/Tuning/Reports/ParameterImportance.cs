using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace HyperTune;

/// <summary>How much one parameter mattered, as <see cref="ParameterImportance"/> measures it.</summary>
/// <param name="Parameter">The dimension's name.</param>
/// <param name="Importance">Its share of the total importance, in [0, 1]; the shares of a study sum to 1.</param>
public sealed record ParameterImportanceScore(string Parameter, double Importance);

/// <summary>
/// Parameter importance computed from a stored study, so it works for any study, not only the samples'.
/// </summary>
public static class ParameterImportance
{
    private const int MaxGridSteps = 50;
    private const int MinTopTrials = 2;
    private const double PriorWeight = 1.0;
    private const int ChanceDraws = 200;

    /// <summary>
    /// PED-ANOVA (Watanabe et al., 2023, "PED-ANOVA: efficiently quantifying hyperparameter importance in
    /// arbitrary subspaces"), as Optuna 3.6's <c>PedAnovaImportanceEvaluator</c> computes it: the complete
    /// trials whose value is within the best <paramref name="baselineQuantile"/> (at least two) are the top
    /// set; for each parameter, a one-dimensional Parzen estimator (Scott's-rule bandwidth, on a grid of at
    /// most 50 steps — in log space for log-scale parameters — or on the candidates) of the top set is
    /// compared with one of all complete trials by their Pearson divergence; the divergences are normalised
    /// to sum to 1. A parameter that drives the objective concentrates the top set where the rest is spread,
    /// and scores high; a parameter that does not leaves the two estimates alike, and scores near zero.
    /// <para>
    /// One departure from Optuna, on by default (<paramref name="discountChance"/>): a small top set differs
    /// from all trials by chance too, and normalising chance divergences makes a noise parameter look
    /// important (on pure noise Optuna's shares often give one parameter more than half). Each parameter's
    /// divergence is therefore compared with the largest divergence of 200 random sets of trials as large as
    /// the top set (drawn with a fixed seed; about the 99.5th percentile of chance): a parameter counts only
    /// when its divergence is more than twice that level, and then with that level subtracted. (Chance
    /// divergences are heavy-tailed: with the 95th percentile, or without the factor of two, a noise
    /// parameter still passed in about one noise-only study in four.) When no parameter beats chance,
    /// every parameter gets an equal share. Pass <see langword="false"/> for Optuna's numbers.
    /// </para>
    /// </summary>
    /// <param name="snapshot">The study.</param>
    /// <param name="baselineQuantile">The share of the complete trials that counts as good, in (0, 1].</param>
    /// <param name="discountChance">Whether to subtract the divergence that random sets of the same size reach.</param>
    /// <returns>
    /// One score per dimension, most important first (equal scores by dimension order). A dimension with a
    /// single possible value scores 0. Conditional dimensions are measured on the trials where they are active.
    /// With two complete trials or fewer, every dimension gets an equal share.
    /// </returns>
    public static IReadOnlyList<ParameterImportanceScore> PedAnova(StudySnapshot snapshot, double baselineQuantile = 0.1, bool discountChance = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!(baselineQuantile > 0 && baselineQuantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineQuantile), baselineQuantile, "The baseline quantile must be in (0, 1].");
        }

        var varying = snapshot.Dimensions.Where(d => !IsSingle(d)).ToArray();
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dimension in snapshot.Dimensions)
        {
            scores[dimension.Name] = 0;
        }

        if (varying.Length > 0)
        {
            var complete = snapshot.Trials.Where(t => t.State == TrialState.Complete && t.Value is double v && double.IsFinite(v)).ToArray();
            if (complete.Length <= MinTopTrials)
            {
                foreach (var dimension in varying)
                {
                    scores[dimension.Name] = 1.0 / varying.Length;
                }
            }
            else
            {
                var top = TopTrials(complete, snapshot.Direction, baselineQuantile);
                double sum = 0;
                foreach (var dimension in varying)
                {
                    double divergence = PearsonDivergence(dimension, top, complete);
                    if (discountChance && top.Length < complete.Length)
                    {
                        double chance = ChanceDivergence(dimension, top.Length, complete);
                        divergence = divergence > 2 * chance ? divergence - chance : 0;
                    }

                    scores[dimension.Name] = divergence;
                    sum += divergence;
                }

                foreach (var dimension in varying)
                {
                    scores[dimension.Name] = sum > 0 ? scores[dimension.Name] / sum : 1.0 / varying.Length;
                }
            }
        }

        return snapshot.Dimensions
            .Select((d, index) => (Score: new ParameterImportanceScore(d.Name, scores[d.Name]), Index: index))
            .OrderByDescending(s => s.Score.Importance)
            .ThenBy(s => s.Index)
            .Select(s => s.Score)
            .ToArray();
    }

    private static bool IsSingle(DimensionSnapshot dimension) =>
        dimension.Kind == DimensionKind.Categorical ? dimension.Candidates.Count <= 1 : !(dimension.Max > dimension.Min);

    private static TrialSnapshot[] TopTrials(TrialSnapshot[] complete, Direction direction, double quantile)
    {
        double sign = direction == Direction.Minimize ? 1 : -1;
        var losses = complete.Select(t => sign * t.Value!.Value).ToArray();
        var sorted = (double[])losses.Clone();
        Array.Sort(sorted);
        int quantileIndex = Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1);
        double cutoff = Math.Max(sorted[MinTopTrials - 1], sorted[quantileIndex]);
        return complete.Where((_, i) => losses[i] <= cutoff).ToArray();
    }

    /// <summary>The largest divergence from all the trials of <see cref="ChanceDraws"/> random sets of <paramref name="size"/> of them.</summary>
    private static double ChanceDivergence(DimensionSnapshot dimension, int size, TrialSnapshot[] all)
    {
        var random = new Random(20230420);
        var indices = Enumerable.Range(0, all.Length).ToArray();
        var subset = new TrialSnapshot[size];
        var divergences = new double[ChanceDraws];
        for (int draw = 0; draw < ChanceDraws; draw++)
        {
            for (int i = 0; i < size; i++)
            {
                int j = random.Next(i, indices.Length);
                (indices[i], indices[j]) = (indices[j], indices[i]);
                subset[i] = all[indices[i]];
            }

            divergences[draw] = PearsonDivergence(dimension, subset, all);
        }

        return divergences.Max();
    }

    private static double PearsonDivergence(DimensionSnapshot dimension, TrialSnapshot[] top, TrialSnapshot[] all)
    {
        var topCounts = Counts(dimension, top);
        if (topCounts.Sum() == 0)
        {
            // The parameter was never active among the best trials: it cannot have helped them.
            return 0;
        }

        var allCounts = Counts(dimension, all);
        double[] pdfTop = Pdf(dimension, topCounts);
        double[] pdfAll = Pdf(dimension, allCounts);
        double divergence = 0;
        for (int k = 0; k < pdfTop.Length; k++)
        {
            double p = pdfTop[k] + 1e-12, q = pdfAll[k] + 1e-12;
            double ratio = p / q - 1;
            divergence += q * ratio * ratio;
        }

        return divergence;
    }

    /// <summary>How many of the trials fall on each grid step (or candidate).</summary>
    private static double[] Counts(DimensionSnapshot dimension, TrialSnapshot[] trials)
    {
        if (dimension.Kind == DimensionKind.Categorical)
        {
            var counts = new double[dimension.Candidates.Count];
            foreach (var trial in trials)
            {
                if (trial.Parameters.TryGetValue(dimension.Name, out string? text))
                {
                    int index = IndexOf(dimension.Candidates, text);
                    if (index >= 0)
                    {
                        counts[index]++;
                    }
                }
            }

            return counts;
        }

        bool log = dimension.Scale == Scale.Log;
        int steps = MaxGridSteps;
        if (dimension.Kind == DimensionKind.Integer)
        {
            steps = log
                ? Math.Min(MaxGridSteps, (int)Math.Ceiling(Math.Log2(dimension.Max - dimension.Min + 1)) + 1)
                : (int)Math.Min(MaxGridSteps, dimension.Max - dimension.Min + 1);
        }

        double low = log ? Math.Log(dimension.Min) : dimension.Min;
        double high = log ? Math.Log(dimension.Max) : dimension.Max;
        double stepSize = (high - low) / (steps - 1);
        var grid = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            grid[i] = low + (stepSize * i);
        }

        var numeric = new double[steps];
        foreach (var trial in trials)
        {
            if (trial.Parameters.TryGetValue(dimension.Name, out string? text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && (!log || value > 0))
            {
                double x = (log ? Math.Log(value) : value) - (stepSize / 2);

                // The first grid point at or above x - step/2: the nearest grid point.
                int index = 0;
                while (index < steps && grid[index] < x)
                {
                    index++;
                }

                numeric[Math.Min(index, steps - 1)]++;
            }
        }

        return numeric;
    }

    private static int IndexOf(IReadOnlyList<string> candidates, string text)
    {
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates[i] == text)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The Parzen estimate of the counts, on the grid steps (or candidates), with its prior.</summary>
    private static double[] Pdf(DimensionSnapshot dimension, double[] counts)
    {
        int n = counts.Length;
        var pdf = new double[n];
        double total = counts.Sum();
        double weightSum = total + PriorWeight;
        if (dimension.Kind == DimensionKind.Categorical)
        {
            // Each observed candidate's kernel puts 1 + prior/kernels on it and prior/kernels on every
            // candidate, normalised; the prior kernel is uniform.
            int kernels = counts.Count(c => c > 0) + 1;
            double fill = PriorWeight / kernels;
            double rowSum = 1 + (fill * n);
            for (int observed = 0; observed < n; observed++)
            {
                if (counts[observed] <= 0)
                {
                    continue;
                }

                double weight = counts[observed] / weightSum;
                for (int k = 0; k < n; k++)
                {
                    pdf[k] += weight * (fill + (k == observed ? 1 : 0)) / rowSum;
                }
            }

            for (int k = 0; k < n; k++)
            {
                pdf[k] += PriorWeight / weightSum / n;
            }

            return pdf;
        }

        // Scott's rule on the grid indices, at least 0.5 / 1.64 so that 90% of a kernel stays on its step.
        double mean = 0;
        for (int k = 0; k < n; k++)
        {
            mean += k * counts[k];
        }

        mean /= total;
        double variance = 0;
        for (int k = 0; k < n; k++)
        {
            variance += counts[k] * (k - mean) * (k - mean);
        }

        double sigma = Math.Sqrt(variance / Math.Max(1, total - 1));
        int quarter = (int)Math.Floor(total) / 4, threeQuarters = (int)Math.Floor(total) * 3 / 4;
        var observedSteps = Enumerable.Range(0, n).Where(k => counts[k] > 0).ToArray();
        double cumulative = 0;
        int q25 = -1, q75 = -1;
        for (int i = 0; i < observedSteps.Length; i++)
        {
            cumulative += counts[observedSteps[i]];
            if (q25 < 0 && cumulative >= quarter)
            {
                q25 = i;
            }

            if (q75 < 0 && cumulative > threeQuarters)
            {
                q75 = i;
            }
        }

        q25 = q25 < 0 ? observedSteps.Length - 1 : q25;
        q75 = q75 < 0 ? observedSteps.Length - 1 : q75;
        double interquartile = observedSteps[q75] - observedSteps[q25];
        double bandwidth = Math.Max(1.059 * Math.Min(interquartile / 1.34, sigma) * Math.Pow(total, -0.2), 0.5 / 1.64);
        foreach (int mu in observedSteps)
        {
            AddDiscreteNormal(pdf, mu, bandwidth, counts[mu] / weightSum);
        }

        AddDiscreteNormal(pdf, 0.5 * (n - 1), n, PriorWeight / weightSum);
        return pdf;
    }

    /// <summary>Adds a normal kernel discretised to the steps 0..n-1 and truncated to them.</summary>
    private static void AddDiscreteNormal(double[] pdf, double mu, double sigma, double weight)
    {
        int n = pdf.Length;
        double mass = NormalCdf((n - 0.5 - mu) / sigma) - NormalCdf((-0.5 - mu) / sigma);
        for (int k = 0; k < n; k++)
        {
            pdf[k] += weight * (NormalCdf((k + 0.5 - mu) / sigma) - NormalCdf((k - 0.5 - mu) / sigma)) / mass;
        }
    }

    private static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        double r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
