namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>The kinds of dimension; mirrors <c>HyperTune.DimensionKind</c> of the runtime library.</summary>
internal enum DimensionKindSpec
{
    /// <summary>Real values between two bounds.</summary>
    Continuous,

    /// <summary>Integers between two bounds, both included.</summary>
    Integer,

    /// <summary>One of a list of candidates.</summary>
    Categorical,
}
