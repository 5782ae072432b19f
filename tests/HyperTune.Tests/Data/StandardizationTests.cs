namespace HyperTune.Tests.Data;

/// <summary><see cref="Standardization"/>: fitted on one set, applied unchanged to others.</summary>
public class StandardizationTests
{
    [Fact]
    public void Fitted_set_gets_mean_0_and_std_1_in_every_varying_feature()
    {
        var (train, _) = TestData.BreastCancer().Split(0.8, 0);
        Dataset standardised = Standardization.Fit(train).Apply(train);

        for (int j = 0; j < standardised.FeatureCount; j++)
        {
            double[] column = Column(standardised, j);
            double mean = column.Average();
            double std = Math.Sqrt(column.Sum(x => (x - mean) * (x - mean)) / column.Length);
            Assert.InRange(mean, -1e-5, 1e-5);
            Assert.InRange(std, 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Hand_computed_case_uses_the_population_deviation()
    {
        // Feature 0: 1, 2, 3, 6 -> mean 3, population std sqrt((4+1+0+9)/4) = sqrt(3.5).
        var data = Dataset.Regression([[1f, 5f], [2f, 5f], [3f, 5f], [6f, 5f]], [0f, 0f, 0f, 0f]);
        var fit = Standardization.Fit(data);

        Assert.Equal([3.0, 5.0], fit.Means.ToArray());
        Assert.Equal(Math.Sqrt(3.5), fit.Scales[0], 12);
        Assert.Equal(1.0, fit.Scales[1]); // constant feature: scale 1, not 0
        Dataset applied = fit.Apply(data);
        Assert.Equal((float)(-2 / Math.Sqrt(3.5)), applied.GetRow(0)[0]);
        Assert.Equal((float)(3 / Math.Sqrt(3.5)), applied.GetRow(3)[0]);
        Assert.All(Column(applied, 1), x => Assert.Equal(0.0, x)); // constant column -> 0, never NaN
    }

    [Fact]
    public void Validation_is_transformed_with_the_training_statistics_and_originals_are_untouched()
    {
        var (train, validation) = TestData.Digits().Split(0.8, 1);
        float[] trainBefore = train.Features.ToArray(), validationBefore = validation.Features.ToArray();
        var fit = Standardization.Fit(train);

        Dataset standardised = fit.Apply(validation);

        Assert.Equal(trainBefore, train.Features.ToArray());
        Assert.Equal(validationBefore, validation.Features.ToArray());
        Assert.Equal(validation.Labels.ToArray(), standardised.Labels.ToArray());
        Assert.Equal(validation.ClassCount, standardised.ClassCount);
        for (int i = 0; i < validationBefore.Length; i++)
        {
            int j = i % 64;
            Assert.Equal((float)((validationBefore[i] - fit.Means[j]) / fit.Scales[j]), standardised.Features[i]);
        }
        // Not refitted: the validation set's own mean of a busy pixel is not exactly 0.
        Assert.NotEqual(0.0, Column(standardised, 20).Average(), 6);
    }

    [Fact]
    public void Span_form_matches_the_dataset_form_for_one_row_and_several_and_in_place()
    {
        Dataset digits = TestData.Digits();
        var fit = Standardization.Fit(digits);
        Dataset standardised = fit.Apply(digits);

        var one = new float[64];
        fit.Apply(digits.GetRow(5), one);
        Assert.Equal(standardised.GetRow(5).ToArray(), one);

        float[] three = digits.Features[(10 * 64)..(13 * 64)].ToArray();
        fit.Apply(three, three);
        Assert.Equal(standardised.Features[(10 * 64)..(13 * 64)].ToArray(), three);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected()
    {
        var fit = Standardization.Fit(Dataset.Classification([[1f, 2f]], [0]));
        Assert.Throws<ArgumentException>(() => fit.Apply(Dataset.Classification([[1f, 2f, 3f]], [0])));
        Assert.Throws<ArgumentException>(() => fit.Apply(new float[3], new float[3]));
        Assert.Throws<ArgumentException>(() => fit.Apply(new float[4], new float[2]));
    }

    [Fact]
    public void Regression_targets_are_not_standardised()
    {
        Dataset diabetes = TestData.Diabetes();
        Assert.Equal(diabetes.Targets.ToArray(), Standardization.Fit(diabetes).Apply(diabetes).Targets.ToArray());
    }

    private static double[] Column(Dataset data, int j) => Enumerable.Range(0, data.Count).Select(r => (double)data.GetRow(r)[j]).ToArray();

    [Fact]
    public void The_vectorised_rows_agree_with_the_textbook_formula_and_in_place()
    {
        // 37 features: whole vectors and a scalar tail; scales from 1e-3 to 1e3.
        var random = new Random(3);
        float[][] rows = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, 37).Select(j => (float)((random.NextDouble() - 0.5) * Math.Pow(10, (j % 7) - 3) + j)).ToArray()).ToArray();
        var data = Dataset.Regression(rows, new float[20]);
        var standardization = Standardization.Fit(data);

        float[] applied = new float[data.Features.Length];
        standardization.Apply(data.Features, applied);
        float[] inPlace = data.Features.ToArray();
        standardization.Apply(inPlace, inPlace);

        Assert.Equal(applied, inPlace);
        for (int i = 0; i < applied.Length; i++)
        {
            int j = i % 37;
            float textbook = (float)((data.Features[i] - standardization.Means[j]) / standardization.Scales[j]);
            Assert.True(Math.Abs(applied[i] - textbook) <= Math.Max(1e-6f * Math.Abs(textbook), 1e-7f), $"value {i}: {applied[i]} against {textbook}");
        }
    }
}
