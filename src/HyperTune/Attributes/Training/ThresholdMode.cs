namespace HyperTune;

/// <summary>How <c>ReduceOnPlateau</c> measures a significant improvement (PyTorch's <c>threshold_mode</c>).</summary>
public enum ThresholdMode
{
    /// <summary>Better than <c>best * (1 - threshold)</c> (mode min) or <c>best * (1 + threshold)</c> (mode max).</summary>
    Relative = 0,

    /// <summary>Better than <c>best - threshold</c> (mode min) or <c>best + threshold</c> (mode max).</summary>
    Absolute = 1,
}
