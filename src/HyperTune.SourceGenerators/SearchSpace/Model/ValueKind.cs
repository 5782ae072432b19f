namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>The numeric representation of a range dimension's property, which decides the runtime helper and cast.</summary>
internal enum ValueKind
{
    /// <summary>A <see cref="double"/> property.</summary>
    Double,

    /// <summary>A <see cref="float"/> property.</summary>
    Single,

    /// <summary>An <see cref="int"/> property.</summary>
    Int32,

    /// <summary>A <see cref="long"/> property.</summary>
    Int64,

    /// <summary>A categorical property of any supported type.</summary>
    Other,
}
