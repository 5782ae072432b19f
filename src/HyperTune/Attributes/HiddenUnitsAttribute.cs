namespace HyperTune;

/// <summary>
/// The number of units in each hidden layer. More units fit more complex mappings but overfit: watch the validation error.
/// Two integers are an inclusive range; one, three or more integers (or an explicit array) are candidates.
/// </summary>
/// <example><c>[HiddenUnits(16, 512, Scale.Log)] public int HiddenUnits { get; set; }</c></example>
public sealed class HiddenUnitsAttribute : IntegerDimensionAttribute
{
    /// <summary>Declares the inclusive range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored.</param>
    public HiddenUnitsAttribute(int a, int b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares candidates.</summary>
    /// <param name="candidates">The values to try.</param>
    public HiddenUnitsAttribute(params int[] candidates)
        : base(candidates)
    {
    }
}
