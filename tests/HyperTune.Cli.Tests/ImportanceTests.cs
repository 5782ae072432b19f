namespace HyperTune.Cli.Tests;

public sealed class ImportanceTests
{
    /// <summary>A study of random trials (ask/tell, in memory) scored by <paramref name="objective"/>.</summary>
    private static StudySnapshot Study(Func<FourConfig, Random, double> objective, int trials, Direction direction = Direction.Minimize, int seed = 1)
    {
        var study = Tuner.OpenStudy(FourConfig.SearchSpace.Definition, new TuneOptions { Sampler = SamplerKind.Random, Seed = seed, Direction = direction });
        var noise = new Random(seed);
        for (int i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            study.Tell(trial, objective(trial.Config, noise));
        }

        return study.Snapshot();
    }

    [Theory]
    [InlineData("A")]
    [InlineData("C")]
    [InlineData("D")]
    public void The_parameter_that_drives_the_objective_dominates(string driver)
    {
        Func<FourConfig, Random, double> objective = driver switch
        {
            "A" => (c, r) => Math.Pow(c.A - 0.3, 2) + (0.01 * r.NextDouble()),
            "C" => (c, r) => Math.Pow(Math.Log10(c.C) + 2, 2) + (0.01 * r.NextDouble()),
            _ => (c, r) => (c.D == "y" ? 0 : 1) + (0.01 * r.NextDouble()),
        };

        var scores = ParameterImportance.PedAnova(Study(objective, 200));

        Assert.Equal(driver, scores[0].Parameter);
        Assert.True(scores[0].Importance > 0.6, string.Join(", ", scores));
        Assert.Equal(1.0, scores.Sum(s => s.Importance), 9);
        Assert.All(scores.Skip(1), s => Assert.True(s.Importance < scores[0].Importance / 3, string.Join(", ", scores)));
    }

    [Fact]
    public void Without_the_chance_discount_the_driver_still_leads_as_in_optuna()
    {
        var scores = ParameterImportance.PedAnova(Study((c, r) => Math.Pow(c.A - 0.3, 2) + (0.01 * r.NextDouble()), 200), discountChance: false);

        Assert.Equal("A", scores[0].Parameter);
        Assert.True(scores[0].Importance > 0.4, string.Join(", ", scores));
        Assert.Equal(1.0, scores.Sum(s => s.Importance), 9);
    }

    [Fact]
    public void Maximising_reads_the_top_trials_from_the_other_end()
    {
        var scores = ParameterImportance.PedAnova(Study((c, r) => -Math.Pow(c.B - 0.7, 2), 150, Direction.Maximize));

        Assert.Equal("B", scores[0].Parameter);
        Assert.True(scores[0].Importance > 0.6, string.Join(", ", scores));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Noise_alone_lets_no_parameter_dominate(int seed)
    {
        var scores = ParameterImportance.PedAnova(Study((c, r) => r.NextDouble(), 200, seed: seed));

        Assert.Equal(4, scores.Count);
        Assert.True(scores[0].Importance < 0.5, string.Join(", ", scores));
    }

    [Fact]
    public void Two_trials_or_fewer_share_importance_equally()
    {
        var scores = ParameterImportance.PedAnova(Study((c, r) => c.A, 2));

        Assert.All(scores, s => Assert.Equal(0.25, s.Importance, 12));
    }

    [Fact]
    public void The_baseline_quantile_must_be_in_0_1()
    {
        var snapshot = Study((c, r) => c.A, 5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ParameterImportance.PedAnova(snapshot, 0));
        Assert.Equal("baselineQuantile", error.ParamName);
    }
}
