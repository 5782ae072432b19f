using System.Collections.Generic;
using System.Linq;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs;
using HyperTune.SourceGenerators.Diagnostics;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.SearchSpace.Model;
using HyperTune.SourceGenerators.Training.Model;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Training;

/// <summary>
/// Reads what a config's training loop needs: the property behind each role (found by its
/// attribute, base types included) and the class-level policies. A config trains when it has an
/// <c>[Epochs]</c> property or a training policy; every other role has a documented default. What
/// the generator cannot emit (two properties in one role, a broken policy attribute) it skips
/// quietly: the analyzers report it at the source.
/// </summary>
internal static class TrainingParser
{
    /// <summary>The name of the generated training method.</summary>
    public const string TrainMethodName = KnownNames.TrainMethodName;

    public static TrainingSpec? Parse(INamedTypeSymbol type, List<IPropertySymbol> properties, SearchSpaceSpec searchSpace, List<DiagnosticInfo> diagnostics)
    {
        var roles = new Dictionary<string, IPropertySymbol>();
        bool ambiguous = false;
        IPropertySymbol? activation = null;
        IPropertySymbol? inputScaling = null;
        foreach (var property in properties)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (ConfigParser.RecognisedName(attribute) is { } name && KnownNames.RoleAttributes.Contains(name))
                {
                    // Two properties in one role: Train cannot tell which to use (an analyzer reports it).
                    ambiguous |= roles.ContainsKey(name);
                    roles[name] = property;
                }
            }

            if (property.Type is INamedTypeSymbol propertyType && ConfigParser.IsHyperTuneType(propertyType))
            {
                if (propertyType.Name == "Activation")
                {
                    activation ??= property;
                }
                else if (propertyType.Name == "InputScaling")
                {
                    inputScaling ??= property;
                }
            }
        }

        // The most derived declaration of each policy wins; a duplicate on one type is the compiler's CS0579.
        var policies = new Dictionary<string, AttributeData>();
        foreach (var attribute in ConfigMembers.TypeAttributes(type))
        {
            AddFirst(policies, attribute, attribute);
        }

        bool hasPolicy = KnownNames.PolicyAttributes.Any(policies.ContainsKey);
        if (!roles.ContainsKey(KnownNames.EpochsAttribute) && !hasPolicy)
        {
            return null; // A search space only: nothing says how long to train.
        }

        if (ambiguous || type.Name == TrainMethodName || policies.Values.Any(IsBroken))
        {
            return null;
        }

        var clash = type.GetMembers(TrainMethodName).FirstOrDefault(ConfigParser.IsUserDeclared);
        if (clash is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TrainingNotGenerated, clash.Locations.FirstOrDefault(), type.Name,
                $"it declares a member named '{TrainMethodName}', which HyperTune generates; rename the member"));
            return null;
        }

        bool watchesAccuracy = false;
        if (policies.TryGetValue(KnownNames.ValidationMonitorAttribute, out var monitor) && Named(monitor, "Metric") is { Value: string metric })
        {
            if (metric is not ("loss" or "accuracy"))
            {
                Report(diagnostics, monitor, type, $"[ValidationMonitor] Metric is \"{metric}\", but only \"loss\" and \"accuracy\" are measured; set Metric = \"loss\" or \"accuracy\"");
                return null;
            }

            watchesAccuracy = metric == "accuracy";
        }

        policies.TryGetValue(KnownNames.LearningRateDecayAttribute, out var decay);
        policies.TryGetValue(KnownNames.EarlyStoppingAttribute, out var earlyStopping);
        policies.TryGetValue(KnownNames.StopAtStepAttribute, out var stopAtStep);
        policies.TryGetValue(KnownNames.StopOnNaNAttribute, out var stopOnNaN);

        var fixedValues = searchSpace.Fixed.ToDictionary(static f => f.Name, static f => f.Literal);
        RolePropertySpec? Role(string attribute) => roles.TryGetValue(attribute, out var property) ? RoleOf(property, fixedValues) : null;

        return new TrainingSpec(
            Role(KnownNames.LearningRateAttribute),
            Role(KnownNames.EpochsAttribute),
            Role(KnownNames.BatchSizeAttribute),
            Role(KnownNames.HiddenLayersAttribute),
            Role(KnownNames.HiddenUnitsAttribute),
            Role(KnownNames.HiddenShrinkAttribute),
            Role(KnownNames.OptimizerAttribute),
            Role(KnownNames.MomentumAttribute),
            Role(KnownNames.WeightDecayAttribute),
            Role(KnownNames.AdamBeta1Attribute),
            Role(KnownNames.AdamBeta2Attribute),
            Role(KnownNames.AdamEpsilonAttribute),
            Role(KnownNames.DropoutAttribute),
            activation is null ? null : RoleOf(activation, fixedValues),
            inputScaling is null ? null : RoleOf(inputScaling, fixedValues),
            decay is null ? null : Instance(decay),
            decay is not null && decay.ConstructorArguments.FirstOrDefault().Value is int kind && kind == DecayKindReduceOnPlateau,
            earlyStopping is null ? null : Instance(earlyStopping),
            earlyStopping is not null && Named(earlyStopping, "Mode") is { Value: int mode } && mode == MonitorModeMax,
            earlyStopping is not null && Named(earlyStopping, "RestoreBestWeights") is { Value: true },
            monitor is null ? null : Instance(monitor),
            watchesAccuracy,
            stopAtStep?.ConstructorArguments.FirstOrDefault().Value is long step ? step : null,
            stopOnNaN is null || Named(stopOnNaN, "Enabled") is not { Value: false });
    }

    /// <summary>
    /// Whether a policy attribute cannot be re-created in code as written: an argument the compiler
    /// could not bind (<c>[EarlyStopping(Unknown)]</c>) or a null array (<c>Milestones = null</c>).
    /// </summary>
    public static bool IsBroken(AttributeData attribute) =>
        attribute.AttributeConstructor is null ||
        attribute.ConstructorArguments.Any(IsBroken) ||
        attribute.NamedArguments.Any(static n => IsBroken(n.Value));

    private static bool IsBroken(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Error ||
        (constant.Kind == TypedConstantKind.Array && (constant.IsNull || constant.Values.Any(IsBroken)));

    // The values of HyperTune.DecayKind.ReduceOnPlateau and HyperTune.MonitorMode.Max.
    private const int DecayKindReduceOnPlateau = 6;
    private const int MonitorModeMax = 1;

    private static RolePropertySpec RoleOf(IPropertySymbol property, Dictionary<string, string> fixedValues) => new(
        Literals.Identifier(property.Name),
        property.Type.SpecialType == SpecialType.System_Single,
        property.Type.SpecialType == SpecialType.System_Int64,
        fixedValues.TryGetValue(property.Name, out string? literal) ? literal : null);

    private static AttributeInstanceSpec Instance(AttributeData attribute) => new(
        attribute.ConstructorArguments.Select(AttributeLiterals.Of).ToEquatableArray(),
        attribute.NamedArguments.Select(static n => new NamedArgumentSpec(n.Key, AttributeLiterals.Of(n.Value))).ToEquatableArray());

    private static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Maps a HyperTune attribute's full name to <paramref name="value"/>, unless an earlier one took the name.</summary>
    private static void AddFirst<T>(Dictionary<string, T> map, AttributeData attribute, T value)
    {
        if (attribute.AttributeClass is { } attributeClass && ConfigParser.IsHyperTuneType(attributeClass))
        {
            string name = ConfigParser.FullName(attributeClass);
            if (!map.ContainsKey(name))
            {
                map.Add(name, value);
            }
        }
    }

    private static void Report(List<DiagnosticInfo> diagnostics, AttributeData attribute, INamedTypeSymbol type, string reason) =>
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.TrainingNotGenerated,
            attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? type.Locations.FirstOrDefault(),
            type.Name,
            reason));
}
