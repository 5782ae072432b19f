namespace HyperTune;

/// <summary>
/// How the hidden layers narrow: each hidden layer has this fraction of the units of the layer before (rounded, at least 1), so <c>[HiddenUnits(128)]</c> with <c>[HiddenShrink(0.5)]</c> and two layers is 128-64, as PyTorch MLPs are often written. In (0, 1]; without it every hidden layer has the same width.
/// Tunes a <see cref="double"/> or <see cref="float"/> property over a continuous range, or fixes it with one value.
/// </summary>
/// <example><c>[HiddenShrink(0.25, 1.0)] public double Shrink { get; set; } = 0.5;</c></example>
public sealed class HiddenShrinkAttribute : ContinuousRangeAttribute
{
    /// <summary>Declares the range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored; <see cref="Scale.Log"/> for ranges over several decades.</param>
    public HiddenShrinkAttribute(double a, double b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares a fixed shrink factor: a setting that generated code and <c>Train</c> use, not a dimension.</summary>
    /// <param name="value">The shrink factor.</param>
    public HiddenShrinkAttribute(double value)
        : base(value)
    {
    }
}
