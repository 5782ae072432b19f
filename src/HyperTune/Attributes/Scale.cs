namespace HyperTune;

/// <summary>How a numeric range is explored: evenly, or evenly in the logarithm.</summary>
/// <remarks>
/// <see cref="LinearScale"/> and <see cref="LogScale"/> are aliases that keep the design's original
/// spelling compiling after <c>using static HyperTune.Scale;</c>, as in
/// <c>[LearningRate(0.1, 0.00001, LogScale)]</c>.
/// </remarks>
public enum Scale
{
    /// <summary>Values are spread evenly between the bounds.</summary>
    Linear = 0,

    /// <summary>Values are spread evenly in the logarithm: each decade gets the same share.</summary>
    Log = 1,

    /// <summary>Alias of <see cref="Linear"/>.</summary>
    LinearScale = Linear,

    /// <summary>Alias of <see cref="Log"/>.</summary>
    LogScale = Log,
}
