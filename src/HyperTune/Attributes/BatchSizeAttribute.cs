using System;

namespace HyperTune;

/// <summary>
/// The mini-batch size, chosen among candidates. 1 is stochastic gradient descent, the whole set is
/// batch gradient descent; 32 to 256 is common, and above 256 costs memory.
/// </summary>
/// <example><c>[BatchSize(32, 64, 128, 256)] public int BatchSize { get; set; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class BatchSizeAttribute : Attribute
{
    /// <summary>Declares the candidate batch sizes.</summary>
    /// <param name="candidates">The batch sizes to try.</param>
    public BatchSizeAttribute(params int[] candidates) => Candidates = candidates;

    /// <summary>The candidate batch sizes.</summary>
    public int[] Candidates { get; }
}
