namespace HyperTune;

/// <summary>
/// Adam's second-moment decay rate β2 (PyTorch's <c>betas[1]</c>, default 0.999), in [0, 1). Used by Adam and AdamW.
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range, or fixes it with one value.
/// </summary>
/// <example><c>[AdamBeta2(0.99, 0.9999, Scale.Log)] public double Beta2 { get; set; } = 0.999;</c></example>
public sealed class AdamBeta2Attribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public AdamBeta2Attribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed β2: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The β2.</param>
    public AdamBeta2Attribute(double value)
        : base(value)
    {
    }
}
