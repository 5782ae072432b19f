namespace HyperTune.Numerics;

/// <summary>
/// A compile-time integer carried by a type argument. Kernels generic over a struct implementing it
/// are specialised per value by the JIT, which folds <see cref="Value"/> and drops dead branches:
/// one source, one unrolled body per tile shape.
/// </summary>
internal interface IConstant
{
    /// <summary>The constant.</summary>
    static abstract int Value { get; }
}

/// <summary>The constant 1.</summary>
internal readonly struct One : IConstant
{
    /// <inheritdoc/>
    public static int Value => 1;
}

/// <summary>The constant 2.</summary>
internal readonly struct Two : IConstant
{
    /// <inheritdoc/>
    public static int Value => 2;
}

/// <summary>The constant 3.</summary>
internal readonly struct Three : IConstant
{
    /// <inheritdoc/>
    public static int Value => 3;
}

/// <summary>The constant 4.</summary>
internal readonly struct Four : IConstant
{
    /// <inheritdoc/>
    public static int Value => 4;
}

/// <summary>The constant 5.</summary>
internal readonly struct Five : IConstant
{
    /// <inheritdoc/>
    public static int Value => 5;
}

/// <summary>The constant 6.</summary>
internal readonly struct Six : IConstant
{
    /// <inheritdoc/>
    public static int Value => 6;
}
