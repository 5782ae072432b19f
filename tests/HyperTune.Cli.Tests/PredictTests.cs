namespace HyperTune.Cli.Tests;

/// <summary><c>hypertune predict</c>: a saved model on a CSV of raw rows, and its bad inputs.</summary>
public sealed class PredictTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hypertune-predict-").FullName;

    [Fact]
    public void Predict_prints_the_saved_models_class_and_probability_for_every_row()
    {
        var rows = new[] { new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f }, new[] { 0.9f, 0.1f }, new[] { 0.1f, 0.9f } };
        var data = Dataset.Classification(rows, new[] { 0, 1, 1, 1, 1, 1 });
        var model = new PredictConfig().Train(data).Model;
        string modelPath = Path.Combine(_folder, "or.model");
        model.Save(modelPath);
        string csv = Path.Combine(_folder, "rows.csv");
        File.WriteAllText(csv, "a,b\n0,0\n1,1\n\n0.25,0.75\n");

        var (code, output, error) = CliRunner.Run("predict", modelPath, csv);

        Assert.True(code == 0, error);
        string[] lines = output.Trim().Split('\n');
        Assert.Equal("row,class,probability", lines[0]);
        Assert.Equal(4, lines.Length);
        float[][] inputs = { new[] { 0f, 0f }, new[] { 1f, 1f }, new[] { 0.25f, 0.75f } };
        for (int i = 0; i < inputs.Length; i++)
        {
            int expected = model.PredictClass(inputs[i]);
            Assert.StartsWith($"{i},{expected},", lines[i + 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bad_rows_and_files_are_one_line_naming_where()
    {
        var data = Dataset.Classification(new[] { new[] { 0f, 0f }, new[] { 1f, 1f } }, new[] { 0, 1 });
        string modelPath = Path.Combine(_folder, "m.model");
        new PredictConfig().Train(data).Model.Save(modelPath);
        string wide = Path.Combine(_folder, "wide.csv");
        File.WriteAllText(wide, "1,2,3\n");
        string bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "1,2\n1,x\n");
        string notModel = Path.Combine(_folder, "text.model");
        File.WriteAllText(notModel, "hello");

        var cases = new (string[] Args, string Message)[]
        {
            (new[] { "predict", modelPath, wide }, "line 1: 3 values, but the model takes 2 features."),
            (new[] { "predict", modelPath, bad }, "line 2, column 2: 'x' is not a finite number."),
            (new[] { "predict", Path.Combine(_folder, "none.model"), wide }, "no such model file."),
            (new[] { "predict", notModel, wide }, "hypertune: "),
        };
        foreach (var (args, message) in cases)
        {
            var (code, _, error) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>A tiny classifier to save and predict with.</summary>
public partial class PredictConfig
{
    [LearningRate(0.5, 0.01, Scale.Log)] public double LearningRate { get; set; } = 0.3;

    [Epochs(50)] public int Epochs { get; set; } = 50;

    [BatchSize(2)] public int BatchSize { get; set; } = 2;
}
