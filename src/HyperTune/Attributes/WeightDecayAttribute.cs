namespace HyperTune;

/// <summary>
/// The L2 weight-decay coefficient (decoupled for AdamW).
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range.
/// </summary>
/// <example><c>[WeightDecay(1e-6, 1e-2, Scale.Log)] public double WeightDecay { get; set; }</c></example>
public sealed class WeightDecayAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public WeightDecayAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed weight decay: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The weight decay.</param>
    public WeightDecayAttribute(double value)
        : base(value)
    {
    }
}
