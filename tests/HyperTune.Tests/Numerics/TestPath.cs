using HyperTune.Numerics;

namespace HyperTune.Tests.Numerics;

/// <summary>A public mirror of the internal <see cref="KernelPath"/> so theories can take it as a parameter.</summary>
public enum TestPath
{
    Auto = KernelPath.Auto,
    Vector512 = KernelPath.Vector512,
    Vector = KernelPath.Vector,
    Scalar = KernelPath.Scalar,
    Vector512Packed = KernelPath.Vector512Packed,
}
