using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperTune.Benchmarks.Generator;

/// <summary>
/// A generator that discovers the same attributes as <c>ConfigGenerator</c>, with the same
/// <c>ForAttributeWithMetadataName</c> calls, but does no work in its transform and emits nothing:
/// the floor Roslyn's attribute discovery sets, against which the generator's own cost is read.
/// </summary>
internal sealed class AttributeDiscoveryFloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The names of KnownNames.DimensionAttributes and ActiveWhen, spelled out: the benchmarks
        // see KnownNames twice (the generator and the analyzers both compile it in).
        string[] attributes =
        {
            "LearningRate", "BatchSize", "Epochs", "HiddenLayers", "HiddenUnits", "Optimizer",
            "Momentum", "WeightDecay", "Dropout", "Range", "Choice", "ActiveWhen",
        };
        foreach (string name in attributes.Select(static a => "HyperTune." + a + "Attribute"))
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                name,
                static (node, _) => node is PropertyDeclarationSyntax,
                static (ctx, _) => ctx.TargetSymbol.Name);
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }
}
