namespace HyperTune.Numerics;

/// <summary>What a matrix product adds its result to.</summary>
internal enum GemmStart
{
    /// <summary><c>C = A·B</c>.</summary>
    Overwrite = 0,

    /// <summary><c>C += A·B</c>.</summary>
    Accumulate = 1,

    /// <summary><c>C = A·B + 1·biasᵀ</c>: every row starts from the bias (a dense layer's forward pass).</summary>
    Bias = 2,
}
