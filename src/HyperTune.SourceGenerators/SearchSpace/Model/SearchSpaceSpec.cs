using HyperTune.Roslyn;

namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>The search space of a config: its dimensions, its epochs setting and its fingerprint.</summary>
/// <param name="Dimensions">The tuned dimensions, in property order: the order of the unit encoding.</param>
/// <param name="LoopOrder">Indices into <paramref name="Dimensions"/> in the order generated code visits them: property order, except that a conditional dimension follows the dimension it depends on.</param>
/// <param name="Fixed">The fixed settings (single-value attributes), in property order.</param>
/// <param name="Epochs">The <c>[Epochs]</c> setting, which is not a dimension, or <see langword="null"/>.</param>
/// <param name="Fingerprint">The SHA-256 of the space's canonical description, in lower-case hex.</param>
internal sealed record SearchSpaceSpec(
    EquatableArray<DimensionSpec> Dimensions,
    EquatableArray<int> LoopOrder,
    EquatableArray<FixedSettingSpec> Fixed,
    EpochsSpec? Epochs,
    string Fingerprint);
