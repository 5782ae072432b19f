using System.Globalization;
using HyperTune.Tests.Data;

namespace HyperTune.Tests.Configs;

/// <summary>
/// Issue 10, section 5: on digits already on a common scale (pixels / 16), standardising inflates
/// the rare pixels and costs validation loss; a config that chooses no scaling keeps it.
/// </summary>
public class InputScalingOnDigitsTests
{
    [Fact]
    public void On_pixels_scaled_to_0_1_no_scaling_beats_standardisation()
    {
        var raw = TestData.Digits();
        var rows = new float[raw.Count][];
        for (int r = 0; r < raw.Count; r++)
        {
            rows[r] = raw.GetRow(r).ToArray().Select(v => v / 16f).ToArray();
        }

        var (train, validation) = Dataset.Classification(rows, raw.Labels.ToArray()).Split(0.8, seed: 1);
        var options = new TrainOptions { Seed = 1 };
        double none = new DigitsScalingConfig { Scaling = InputScaling.None }.Train(train, validation, options).BestValidationLoss!.Value;
        double standardized = new DigitsScalingConfig { Scaling = InputScaling.Standardize }.Train(train, validation, options).BestValidationLoss!.Value;
        Assert.True(none < standardized, string.Create(CultureInfo.InvariantCulture, $"none {none:F4}, standardised {standardized:F4}"));
    }
}
