namespace HyperTune;

/// <summary>
/// The learning rate: the most important hyperparameter. Try 0.1 … 0.00001 on a log scale: too large overshoots, too small crawls.
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range.
/// </summary>
/// <example><c>[LearningRate(0.1, 0.00001, Scale.Log)] public double LearningRate { get; set; }</c></example>
public sealed class LearningRateAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public LearningRateAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed learning rate: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The learning rate.</param>
    public LearningRateAttribute(double value)
        : base(value)
    {
    }
}
