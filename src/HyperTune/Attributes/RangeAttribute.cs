namespace HyperTune;

/// <summary>
/// A general numeric dimension for anything else a user tunes: a <see cref="double"/>,
/// <see cref="float"/>, <see cref="int"/> or <see cref="long"/> property ranging between two bounds
/// (integers inclusive of both).
/// </summary>
/// <example><c>[Range(0.5, 0.999)] public double Beta1 { get; set; }</c></example>
public sealed class RangeAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored.</param>
    public RangeAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed value: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The value.</param>
    public RangeAttribute(double value)
        : base(value)
    {
    }
}
