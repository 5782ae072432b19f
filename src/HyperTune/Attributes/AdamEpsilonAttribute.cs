namespace HyperTune;

/// <summary>
/// Adam's ε, the term added to the denominator for numerical stability (PyTorch's <c>eps</c>, default 1e-8), above 0. Used by Adam and AdamW.
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range, or fixes it with one value.
/// </summary>
/// <example><c>[AdamEpsilon(1e-8, 1e-4, Scale.Log)] public double Epsilon { get; set; } = 1e-8;</c></example>
public sealed class AdamEpsilonAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public AdamEpsilonAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed ε: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The ε.</param>
    public AdamEpsilonAttribute(double value)
        : base(value)
    {
    }
}
