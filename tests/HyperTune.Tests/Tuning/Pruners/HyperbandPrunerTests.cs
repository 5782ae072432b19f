using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Pruners;

/// <summary>
/// Hyperband as Optuna 3.1's <c>HyperbandPruner</c> builds it (optuna/pruners/_hyperband.py): the
/// brackets, their budgets, the CRC-32 assignment of trials to brackets, and decisions that look only
/// at a trial's own bracket.
/// </summary>
public class HyperbandPrunerTests
{
    // n = ⌊log_η(max/min)⌋ + 1, exact: 1·3³ = 27 ≤ 30 < 81; 2·2⁴ = 32 ≤ 40 < 64; 243 = 3⁵ (where
    // Optuna's math.log(243, 3) = 4.999… gives 5).
    [Theory]
    [InlineData(1, 30, 3, 4)]
    [InlineData(1, 27, 3, 4)]
    [InlineData(1, 26, 3, 3)]
    [InlineData(1, 243, 3, 6)]
    [InlineData(1, 1, 3, 1)]
    [InlineData(5, 14, 3, 1)]
    [InlineData(5, 15, 3, 2)]
    [InlineData(2, 40, 2, 5)]
    [InlineData(1, int.MaxValue, 2, 31)]
    public void Counts_the_brackets(int min, int max, int eta, int brackets) =>
        Assert.Equal(brackets, new HyperbandPruner(min, max, eta).BracketCount);

    // Budgets ⌈n·η^s/(s+1)⌉, s = n − 1 − b. Four brackets of η 3: 4·27/4 = 27, 4·9/3 = 12, 4·3/2 = 6,
    // 4·1/1 = 4. Five of η 2: 5·16/5 = 16, 5·8/4 = 10, ⌈5·4/3⌉ = 7, 5·2/2 = 5, 5.
    [Fact]
    public void Budgets_the_brackets_as_optuna()
    {
        Assert.Equal([27L, 12, 6, 4], new HyperbandPruner(1, 30, 3).Budgets.ToArray());
        Assert.Equal([16L, 10, 7, 5, 5], new HyperbandPruner(2, 40, 2).Budgets.ToArray());
        Assert.Equal([1L], new HyperbandPruner(3, 5, 2).Budgets.ToArray());
    }

    [Fact]
    public void Assigns_brackets_in_proportion_to_their_budgets()
    {
        var pruner = new HyperbandPruner(1, 30, 3);
        var counts = new int[4];
        const int trials = 49_000;
        for (int number = 0; number < trials; number++)
        {
            counts[pruner.AssignBracket("digits", number, seed: 0)!.Value]++;
        }

        long[] budgets = [27, 12, 6, 4];
        for (int bracket = 0; bracket < 4; bracket++)
        {
            Assert.InRange((double)counts[bracket] / trials, (budgets[bracket] / 49.0) - 0.01, (budgets[bracket] / 49.0) + 0.01);
        }
    }

    // What Optuna 3.1 assigns (the fixture's "brackets study=digits" line, computed by another process in
    // another language): a hash that .NET does not randomise per process, and that ignores the seed.
    [Fact]
    public void Assigns_the_same_brackets_as_optuna_in_every_process()
    {
        int[] optuna = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 2, 3, 0, 0, 0, 0, 0, 0, 2, 2, 3, 0, 2, 0, 1, 0, 1, 2, 0, 3, 2];
        var pruner = new HyperbandPruner(1, 30, 3);
        foreach (int seed in new[] { 0, 42 })
        {
            Assert.Equal(optuna, Enumerable.Range(0, optuna.Length).Select(n => pruner.AssignBracket("digits", n, seed)!.Value).ToArray());
        }
    }

    [Fact]
    public void Crc32_is_the_standard_one()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    // min 1, max 30, η 3. Bracket 0's rungs: 1, 3, 9, 27; bracket 1's: 3, 9, 27.
    //   trial  bracket  values (steps 1 2 3)   decision
    //   a      0        0.1 0.1 0.1            complete
    //   b      1        5.0 5.0 5.0            complete
    //   c      1        4.0 4.0 4.0            step 1: no rung in bracket 1; step 3: {4, 5} keep (a is not in its bracket)
    //   d      0        4.0                    step 1: {0.1, 4} prune (b and c are not in its bracket)
    [Fact]
    public void Judges_a_trial_against_its_own_bracket_only()
    {
        var study = new PrunerStudy(new HyperbandPruner(1, 30, 3));
        int a = study.Start(bracket: 0);
        Assert.Equal([false, false, false], study.Run(a, 0.1, 0.1, 0.1));
        study.Finish(a, TrialState.Complete);
        int b = study.Start(bracket: 1);
        Assert.Equal([false, false, false], study.Run(b, 5.0, 5.0, 5.0));
        study.Finish(b, TrialState.Complete);
        int c = study.Start(bracket: 1);
        Assert.Equal([false, false, false], study.Run(c, 4.0, 4.0, 4.0));
        int d = study.Start(bracket: 0);
        Assert.Equal([true], study.Run(d, 4.0));
    }

    // min 1, max 27, η 3: bracket 3's only rung is 27 = max: never judged (the trial has used its budget).
    // With max 30 it is judged at 27.
    [Theory]
    [InlineData(27, false)]
    [InlineData(30, true)]
    public void Does_not_judge_the_last_step_of_the_budget(int max, bool pruned)
    {
        var study = new PrunerStudy(new HyperbandPruner(1, max, 3));
        int best = study.Start(bracket: 3);
        study.Run(best, [.. Enumerable.Repeat(0.0, 27)]);
        study.Finish(best, TrialState.Complete);
        int worse = study.Start(bracket: 3);
        bool[] decisions = study.Run(worse, [.. Enumerable.Repeat(1.0, 27)]);
        Assert.Equal(27, decisions.Length);
        Assert.Equal(pruned, decisions[^1]);
    }

    [Fact]
    public void Refuses_a_trial_without_a_bracket_of_its_own()
    {
        var pruner = new HyperbandPruner(1, 30, 3);
        var study = new PrunerStudy(new SuccessiveHalvingPruner(1, 3));
        int trial = study.Start();
        study.Report(trial, 1, 1.0);
        var context = new PrunerContext(study.Trials[trial], 1, study.Trials, Direction.Minimize, null);
        var error = Assert.Throws<ArgumentException>(() => pruner.ShouldPrune(context));
        Assert.Contains("Trial 0 has no Hyperband bracket", error.Message);

        var wrong = context with { Trial = study.Trials[trial] with { Bracket = 4 } };
        error = Assert.Throws<ArgumentException>(() => pruner.ShouldPrune(wrong));
        Assert.Contains("bracket 4", error.Message);
    }

    [Theory]
    [InlineData(0, 30, 3, "minResource")]
    [InlineData(5, 4, 3, "maxResource")]
    [InlineData(1, 30, 1, "reductionFactor")]
    public void Rejects_arguments_out_of_range(int min, int max, int eta, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(min, max, eta));
        Assert.Equal(name, error.ParamName);
    }
}
