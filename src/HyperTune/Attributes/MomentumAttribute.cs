namespace HyperTune;

/// <summary>
/// The momentum coefficient of SGD with momentum or Nesterov (below 1).
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range.
/// </summary>
/// <example><c>[Momentum(0.5, 0.99)] public double Momentum { get; set; }</c></example>
public sealed class MomentumAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public MomentumAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed momentum: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The momentum.</param>
    public MomentumAttribute(double value)
        : base(value)
    {
    }
}
