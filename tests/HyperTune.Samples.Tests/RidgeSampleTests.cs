namespace HyperTune.Samples.Tests;

/// <summary>The ridge sample: a user objective without a network, tuned with the generated Tune.</summary>
public sealed class RidgeSampleTests
{
    [Fact]
    public async Task Quick_mode_tunes_ridge_regression_and_beats_or_matches_the_untuned_config()
    {
        var (exitCode, output) = await SampleProcess.RunAsync("Ridge", Path.GetTempPath(), "--quick");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Untuned (alpha 1, degree 1, standardised): 5-fold RMSE", output, StringComparison.Ordinal);
        Assert.Matches(@"Tuned in 8 trials: alpha [0-9.]+, degree [12], standardise (True|False): 5-fold RMSE [0-9.]+ against [0-9.]+ untuned\.", output);
    }
}
