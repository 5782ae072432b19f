namespace HyperTune;

/// <summary>
/// The dropout probability of the hidden layers, in [0, 1).
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range.
/// </summary>
/// <example><c>[Dropout(0.0, 0.5)] public double Dropout { get; set; }</c></example>
public sealed class DropoutAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public DropoutAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed dropout probability: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The dropout probability.</param>
    public DropoutAttribute(double value)
        : base(value)
    {
    }
}
