using System.Text.RegularExpressions;

namespace HyperTune.Samples.Tests;

/// <summary>The main job as the README runs it, in its quick mode: what it writes, and that it resumes.</summary>
public sealed class DigitsMainJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypertune-mainjob-").FullName;

    [Fact]
    public async Task The_quick_main_job_writes_the_study_its_report_and_a_model_that_reloads_and_a_second_run_resumes()
    {
        string output = Path.Combine(_folder, "out");
        var (code, text) = await SampleProcess.RunAsync("Digits", _folder, "--quick", "--out", output);

        Assert.True(code == 0, text);
        Assert.Contains("New study 'digits'", text, StringComparison.Ordinal);
        Assert.Contains("reloaded, it predicts the test split identically", text, StringComparison.Ordinal);
        Assert.Matches(@"Test accuracy on \d+ held-out images: \d+\.\d+ ?%", text);
        foreach (string file in new[] { "study.db", "trials.csv", "trials.json", "digits.model", Path.Combine("plots", "history.png"), Path.Combine("plots", "importance.png"), Path.Combine("plots", "learning-curves.png"), Path.Combine("plots", "parameter-LearningRate.png") })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing:\n{text}");
        }

        byte[] png = File.ReadAllBytes(Path.Combine(output, "plots", "history.png"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        var study = StudyStore.Load(Path.Combine(output, "study.db"), "digits");
        Assert.Equal(6, study.Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned));
        int printedBest = int.Parse(Regex.Match(text, @"Best trial #(\d+)").Groups[1].Value);
        Assert.Equal(study.Best!.Number, printedBest);
        Assert.Equal(study.Trials.Count + 1, File.ReadAllLines(Path.Combine(output, "trials.csv")).Length);
        var model = TrainedModel.Load(Path.Combine(output, "digits.model"));
        Assert.Equal(64, model.FeatureCount);

        var (again, resumed) = await SampleProcess.RunAsync("Digits", _folder, "--quick", "--out", output);
        Assert.True(again == 0, resumed);
        Assert.Contains("Resuming study 'digits'", resumed, StringComparison.Ordinal);
        Assert.Contains("6 finished trial(s) kept, running the 0 it lacks", resumed, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
