using System;

namespace HyperTune;

/// <summary>The optimiser, chosen among candidates.</summary>
/// <example><c>[Optimizer(OptimizerKind.Momentum, OptimizerKind.Adam)] public OptimizerKind Optimizer { get; set; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OptimizerAttribute : Attribute
{
    /// <summary>Declares the candidate optimisers.</summary>
    /// <param name="candidates">The optimisers to try.</param>
    public OptimizerAttribute(params OptimizerKind[] candidates) => Candidates = candidates;

    /// <summary>The candidate optimisers.</summary>
    public OptimizerKind[] Candidates { get; }
}
