namespace HyperTune;

/// <summary>
/// Adam's first-moment decay rate β1 (PyTorch's <c>betas[0]</c>, default 0.9), in [0, 1). Used by Adam and AdamW.
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range, or fixes it with one value.
/// </summary>
/// <example><c>[AdamBeta1(0.8, 0.95)] public double Beta1 { get; set; } = 0.9;</c></example>
public sealed class AdamBeta1Attribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public AdamBeta1Attribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed β1: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The β1.</param>
    public AdamBeta1Attribute(double value)
        : base(value)
    {
    }
}
