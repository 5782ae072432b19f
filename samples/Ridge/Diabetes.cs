using System.Globalization;

namespace Ridge;

/// <summary>Reads the diabetes files: space-separated features, one target per line.</summary>
internal static class Diabetes
{
    /// <summary>The features and targets; a bad value throws <see cref="InvalidDataException"/> naming the file, line and column.</summary>
    public static (double[][] Features, double[] Targets) Load(string featuresPath, string targetsPath)
    {
        var features = File.ReadAllLines(featuresPath).Select((line, i) => Parse(featuresPath, i + 1, line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToArray();
        var targets = File.ReadAllLines(targetsPath).Select((line, i) => Parse(targetsPath, i + 1, new[] { line.Trim() })[0]).ToArray();
        if (features.Length != targets.Length || features.Any(f => f.Length != features[0].Length))
        {
            throw new InvalidDataException($"{featuresPath} has {features.Length} rows of unequal or mismatched width; {targetsPath} has {targets.Length}.");
        }

        return (features, targets);
    }

    /// <summary>The population standard deviation.</summary>
    public static double StandardDeviation(double[] values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private static double[] Parse(string path, int line, string[] fields) => fields.Select((text, column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{path}, line {line}, column {column + 1}: '{text}' is not a finite number.")).ToArray();
}
