namespace HyperTune;

/// <summary>
/// The number of hidden layers of a dense network. More layers fit more complex mappings but overfit; beyond about three rarely helps.
/// Two integers are an inclusive range; one, three or more integers (or an explicit array) are candidates.
/// </summary>
/// <example><c>[HiddenLayers(1, 3)] public int HiddenLayers { get; set; }</c></example>
public sealed class HiddenLayersAttribute : IntegerDimensionAttribute
{
    /// <summary>Declares the inclusive range between <paramref name="a"/> and <paramref name="b"/> (either order).</summary>
    /// <param name="a">One bound.</param>
    /// <param name="b">The other bound.</param>
    /// <param name="scale">How the range is explored.</param>
    public HiddenLayersAttribute(int a, int b, Scale scale = Scale.Linear)
        : base(a, b, scale)
    {
    }

    /// <summary>Declares candidates.</summary>
    /// <param name="candidates">The values to try.</param>
    public HiddenLayersAttribute(params int[] candidates)
        : base(candidates)
    {
    }
}
