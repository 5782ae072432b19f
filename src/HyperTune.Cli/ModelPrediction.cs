using System;
using System.Globalization;
using System.IO;

namespace HyperTune.Cli;

/// <summary><c>hypertune predict</c>: a saved model applied to a CSV of raw feature rows.</summary>
internal static class ModelPrediction
{
    /// <summary>Prints one line per row: <c>row,class,probability</c> for a classifier, <c>row,value</c> for a regressor.</summary>
    /// <exception cref="FileNotFoundException">The model or the CSV does not exist.</exception>
    /// <exception cref="InvalidDataException">The model file is not a model, or a row is not numbers of the model's width; the message names the line and column.</exception>
    public static int Run(string modelPath, string csvPath, TextWriter output)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"{modelPath}: no such model file.", modelPath);
        }

        if (!File.Exists(csvPath))
        {
            throw new FileNotFoundException($"{csvPath}: no such CSV file.", csvPath);
        }

        var model = TrainedModel.Load(modelPath);
        var features = new float[model.FeatureCount];
        output.WriteLine(model.Task == TaskKind.Classification ? "row,class,probability" : "row,value");
        int line = 0, row = 0;
        foreach (string text in File.ReadLines(csvPath))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string[] fields = text.Split(',');
            if (line == 1 && !float.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                continue; // a header
            }

            if (fields.Length != features.Length)
            {
                throw new InvalidDataException($"{csvPath}, line {line}: {fields.Length} values, but the model takes {features.Length} features.");
            }

            for (int column = 0; column < fields.Length; column++)
            {
                if (!float.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out features[column]) || !float.IsFinite(features[column]))
                {
                    throw new InvalidDataException($"{csvPath}, line {line}, column {column + 1}: '{fields[column].Trim()}' is not a finite number.");
                }
            }

            if (model.Task == TaskKind.Classification)
            {
                float[] probabilities = model.PredictProbabilities(features);
                int best = model.PredictClass(features);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{best},{probabilities[best]:0.#####}"));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row},{model.PredictValue(features):R}"));
            }

            row++;
        }

        return HyperTuneCommand.Ok;
    }
}
