using MathNet.Numerics.LinearAlgebra;

namespace Ridge;

/// <summary>Ridge regression solved in closed form, and k-fold cross-validation of it.</summary>
internal static class RidgeRegression
{
    /// <summary>The root-mean-square error of k-fold cross-validation (folds by a seeded shuffle).</summary>
    public static double CrossValidatedRmse(RidgeConfig config, double[][] features, double[] targets, int folds, int seed, CancellationToken token)
    {
        int[] order = Enumerable.Range(0, targets.Length).ToArray();
        new Random(seed).Shuffle(order);
        double squared = 0;
        for (int fold = 0; fold < folds; fold++)
        {
            token.ThrowIfCancellationRequested();
            var test = order.Where((_, i) => i % folds == fold).ToArray();
            var train = order.Where((_, i) => i % folds != fold).ToArray();
            var model = Fit(config, train.Select(i => features[i]).ToArray(), train.Select(i => targets[i]).ToArray());
            foreach (int i in test)
            {
                double error = model(features[i]) - targets[i];
                squared += error * error;
            }
        }

        return Math.Sqrt(squared / targets.Length);
    }

    /// <summary>Fits (XᵀX + αI) w = Xᵀ(y − ȳ) on expanded, optionally standardised features; the intercept is not penalised.</summary>
    public static Func<double[], double> Fit(RidgeConfig config, double[][] rows, double[] targets)
    {
        var expanded = rows.Select(r => Expand(r, config.Degree)).ToArray();
        int width = expanded[0].Length;
        var mean = new double[width];
        var scale = Enumerable.Repeat(1.0, width).ToArray();
        for (int j = 0; j < width; j++)
        {
            mean[j] = expanded.Average(r => r[j]);
            if (config.Standardize)
            {
                double variance = expanded.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]));
                scale[j] = variance > 0 ? Math.Sqrt(variance) : 1;
            }
        }

        var x = Matrix<double>.Build.Dense(expanded.Length, width, (i, j) => (expanded[i][j] - mean[j]) / scale[j]);
        double intercept = targets.Average();
        var y = Vector<double>.Build.Dense(targets.Length, i => targets[i] - intercept);
        var gram = x.TransposeThisAndMultiply(x) + (config.Alpha * Matrix<double>.Build.DenseIdentity(width));
        var weights = gram.Cholesky().Solve(x.TransposeThisAndMultiply(y));
        return row =>
        {
            var features = Expand(row, config.Degree);
            double prediction = intercept;
            for (int j = 0; j < width; j++)
            {
                prediction += weights[j] * (features[j] - mean[j]) / scale[j];
            }

            return prediction;
        };
    }

    private static double[] Expand(double[] row, int degree) => degree == 1 ? row : row.Concat(row.Select(v => v * v)).ToArray();
}
