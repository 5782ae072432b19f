using System;

namespace HyperTune;

/// <summary>Stop training after this many global steps (mini-batches), whatever the epoch.</summary>
/// <example><c>[StopAtStep(10_000)]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class StopAtStepAttribute : Attribute
{
    /// <summary>Declares the last step.</summary>
    /// <param name="step">The number of global steps after which training stops.</param>
    public StopAtStepAttribute(long step) => Step = step;

    /// <summary>The number of global steps after which training stops.</summary>
    public long Step { get; }
}
