using System;

namespace HyperTune;

/// <summary>
/// Stop and mark the run failed when the training loss is NaN or infinite. On by default; the
/// attribute configures it.
/// </summary>
/// <example><c>[StopOnNaN(Enabled = false)]</c></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class StopOnNaNAttribute : Attribute
{
    /// <summary>Whether a NaN or infinite loss stops training (default <see langword="true"/>).</summary>
    public bool Enabled { get; set; } = true;
}
