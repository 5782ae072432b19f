namespace HyperTune;

/// <summary>What kind of values a search-space dimension takes.</summary>
public enum DimensionKind
{
    /// <summary>Real values between two bounds.</summary>
    Continuous = 0,

    /// <summary>Integers between two bounds, both included.</summary>
    Integer = 1,

    /// <summary>One of a list of candidates.</summary>
    Categorical = 2,
}
