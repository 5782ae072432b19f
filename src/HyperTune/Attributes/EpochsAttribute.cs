using System;

namespace HyperTune;

/// <summary>
/// The maximum number of epochs. Training usually ends earlier, when the validation error stops
/// improving (see <see cref="EarlyStoppingAttribute"/>).
/// </summary>
/// <example><c>[Epochs(100)] public int Epochs { get; set; }</c></example>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EpochsAttribute : Attribute
{
    /// <summary>Declares the maximum number of epochs.</summary>
    /// <param name="max">The maximum number of epochs.</param>
    public EpochsAttribute(int max) => Max = max;

    /// <summary>The maximum number of epochs.</summary>
    public int Max { get; }
}
