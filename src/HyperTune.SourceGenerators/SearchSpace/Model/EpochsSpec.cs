namespace HyperTune.SourceGenerators.SearchSpace.Model;

/// <summary>
/// The <c>[Epochs(max)]</c> setting: not a tuned dimension (early stopping decides how many epochs
/// run), so it adds no coordinate and no grid point; generated configs get <paramref name="Max"/>
/// unless their template has a value in [1, max].
/// </summary>
/// <param name="PropertyName">The escaped property name.</param>
/// <param name="Max">The maximum number of epochs.</param>
internal sealed record EpochsSpec(string PropertyName, int Max);
