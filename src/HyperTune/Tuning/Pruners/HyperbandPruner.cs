using System;
using System.Globalization;
using System.Text;

namespace HyperTune.Tuning;

/// <summary>
/// Hyperband (Li et al. 2018) as Optuna 3.1's <c>HyperbandPruner</c> builds it: brackets of asynchronous
/// successive halving that differ in how early they may stop a trial, each trial in one bracket, judged
/// only against the trials of its bracket.
/// </summary>
/// <remarks>
/// <para>There are <c>⌊log_η(maxResource / minResource)⌋ + 1</c> brackets (min 1, max 30, η 3: four).
/// Bracket <c>b</c> is successive halving with minimum early-stopping rate <c>b</c>: its first rung is at
/// <c>minResource · η^b</c>, so bracket 0 is the most aggressive. Trials are spread over the brackets in
/// proportion to Optuna's budgets <c>⌈n · η^s / (s + 1)⌉</c> with <c>s = n − 1 − b</c> (for four brackets
/// of η 3: 27, 12, 6 and 4 parts of 49), by a hash of the study's name and the trial's number: the
/// CRC-32 of the UTF-8 text <c>"{studyName}_{trialNumber}"</c> modulo the budgets' total, exactly as
/// Optuna does, so a trial lands in the same bracket in every process of a shared study (and in the same
/// bracket Optuna would put it in). The study's seed does not enter.</para>
/// <para>Where this differs from Optuna: the number of brackets is the exact integer logarithm, where
/// Optuna's floating-point <c>math.log</c> can fall just short (min 1, max 243, η 3: Optuna makes 5
/// brackets, the formula 6); rungs at or beyond <c>maxResource</c> are not judged (a trial that used its
/// whole budget is complete, not pruned); see <see cref="SuccessiveHalvingPruner"/> for the rest.</para>
/// </remarks>
internal sealed class HyperbandPruner : IPruner
{
    private readonly int _minResource;
    private readonly int _maxResource;
    private readonly int _reductionFactor;
    private readonly long[] _budgets;
    private readonly long _totalBudget;

    /// <summary>Creates the pruner.</summary>
    /// <param name="minResource">The smallest budget (step) a trial gets, at least 1: the first rung of bracket 0.</param>
    /// <param name="maxResource">The largest budget a trial can use, at least <paramref name="minResource"/>.</param>
    /// <param name="reductionFactor">η, at least 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public HyperbandPruner(int minResource, int maxResource, int reductionFactor)
    {
        if (minResource < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minResource), minResource, "The minimum resource is at least 1 step.");
        }

        if (maxResource < minResource)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResource), maxResource, $"The maximum resource cannot be below the minimum resource, {minResource}.");
        }

        if (reductionFactor < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(reductionFactor), reductionFactor, "The reduction factor is at least 2.");
        }

        _minResource = minResource;
        _maxResource = maxResource;
        _reductionFactor = reductionFactor;

        int brackets = 1;
        long resource = minResource;
        while (resource <= maxResource / reductionFactor)
        {
            resource *= reductionFactor;
            brackets++;
        }

        _budgets = new long[brackets];
        for (int bracket = 0; bracket < brackets; bracket++)
        {
            int s = brackets - 1 - bracket;
            long power = 1;
            for (int i = 0; i < s; i++)
            {
                power *= reductionFactor;
            }

            // ⌈n · η^s / (s + 1)⌉ in integers; n · η^s ≤ n · maxResource / minResource fits in a long.
            _budgets[bracket] = ((brackets * power) + s) / (s + 1);
            _totalBudget += _budgets[bracket];
        }
    }

    /// <summary>The number of brackets.</summary>
    public int BracketCount => _budgets.Length;

    /// <summary>Each bracket's share of the trials, in parts of the budgets' total (Optuna's trial allocation budgets).</summary>
    public ReadOnlySpan<long> Budgets => _budgets;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="studyName"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trialNumber"/> is negative.</exception>
    public int? AssignBracket(string studyName, int trialNumber, int seed)
    {
        ArgumentNullException.ThrowIfNull(studyName);
        if (trialNumber < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(trialNumber), trialNumber, "Trial numbers start at 0.");
        }

        string key = string.Concat(studyName, "_", trialNumber.ToString(CultureInfo.InvariantCulture));
        long n = Crc32.Compute(Encoding.UTF8.GetBytes(key)) % _totalBudget;
        for (int bracket = 0; bracket < _budgets.Length; bracket++)
        {
            n -= _budgets[bracket];
            if (n < 0)
            {
                return bracket;
            }
        }

        throw new InvalidOperationException("Unreachable: the hash modulo the total budget falls in a bracket.");
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The trial has no bracket, or one this pruner does not have.</exception>
    public bool ShouldPrune(PrunerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int bracket = context.Trial.Bracket
            ?? throw new ArgumentException($"Trial {context.Trial.Number} has no Hyperband bracket: assign one with AssignBracket when the trial is created.", nameof(context));
        if (bracket < 0 || bracket >= _budgets.Length)
        {
            throw new ArgumentException($"Trial {context.Trial.Number} is in bracket {bracket}, but this Hyperband has brackets 0 to {_budgets.Length - 1}.", nameof(context));
        }

        int maxResource = context.MaxResource is int known ? Math.Min(known, _maxResource) : _maxResource;
        return SuccessiveHalvingPruner.ShouldPrune(context, _minResource, _reductionFactor, bracket, bracket, maxResource);
    }
}
