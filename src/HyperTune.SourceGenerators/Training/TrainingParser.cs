using System.Collections.Generic;
using System.Linq;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs;
using HyperTune.SourceGenerators.Diagnostics;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.Training.Model;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Training;

/// <summary>
/// Reads what a config's training loop needs: the property behind each role (found by its
/// attribute) and the class-level policies. A config trains when it has both a
/// <c>[LearningRate]</c> and an <c>[Epochs]</c> property; policies without them are reported.
/// </summary>
internal static class TrainingParser
{
    /// <summary>The name of the generated training method.</summary>
    public const string TrainMethodName = "Train";

    private static readonly string[] s_policyAttributes =
    {
        KnownNames.LearningRateDecayAttribute, KnownNames.EarlyStoppingAttribute, KnownNames.ValidationMonitorAttribute,
        KnownNames.StopAtStepAttribute, KnownNames.StopOnNaNAttribute,
    };

    public static TrainingSpec? Parse(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        // Each attribute's first occurrence wins: a duplicate is the compiler's error (CS0579) to report.
        var roles = new Dictionary<string, IPropertySymbol>();
        IPropertySymbol? activation = null;
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            foreach (var attribute in property.GetAttributes())
            {
                AddFirst(roles, attribute, property);
            }

            if (property.Type is INamedTypeSymbol { Name: "Activation" } propertyType && ConfigParser.IsHyperTuneType(propertyType))
            {
                activation = property;
            }
        }

        var policies = new Dictionary<string, AttributeData>();
        foreach (var attribute in type.GetAttributes())
        {
            AddFirst(policies, attribute, attribute);
        }

        bool hasLearningRate = roles.TryGetValue(KnownNames.LearningRateAttribute, out var learningRate);
        bool hasEpochs = roles.TryGetValue(KnownNames.EpochsAttribute, out var epochs);
        if (!hasLearningRate || !hasEpochs)
        {
            var policy = s_policyAttributes.Select(name => policies.TryGetValue(name, out var a) ? a : null).FirstOrDefault(static a => a is not null);
            if (policy is not null)
            {
                string missing = !hasLearningRate && !hasEpochs ? "[LearningRate] and [Epochs] properties" : !hasLearningRate ? "[LearningRate] property" : "[Epochs] property";
                Report(diagnostics, policy, type, $"it has training policies but no {missing}, so there is nothing to train; add them");
            }

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
                Report(diagnostics, monitor, type, $"[ValidationMonitor] Metric is \"{metric}\", but only \"loss\" and \"accuracy\" are measured");
                return null;
            }

            watchesAccuracy = metric == "accuracy";
        }

        policies.TryGetValue(KnownNames.LearningRateDecayAttribute, out var decay);
        policies.TryGetValue(KnownNames.EarlyStoppingAttribute, out var earlyStopping);
        policies.TryGetValue(KnownNames.StopAtStepAttribute, out var stopAtStep);
        policies.TryGetValue(KnownNames.StopOnNaNAttribute, out var stopOnNaN);

        return new TrainingSpec(
            Role(learningRate!)!,
            Role(epochs!)!,
            Role(roles, KnownNames.BatchSizeAttribute),
            Role(roles, KnownNames.HiddenLayersAttribute),
            Role(roles, KnownNames.HiddenUnitsAttribute),
            Role(roles, KnownNames.OptimizerAttribute),
            Role(roles, KnownNames.MomentumAttribute),
            Role(roles, KnownNames.WeightDecayAttribute),
            Role(roles, KnownNames.DropoutAttribute),
            activation is null ? null : Role(activation),
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

    // The values of HyperTune.DecayKind.ReduceOnPlateau and HyperTune.MonitorMode.Max.
    private const int DecayKindReduceOnPlateau = 6;
    private const int MonitorModeMax = 1;

    private static RolePropertySpec? Role(Dictionary<string, IPropertySymbol> roles, string attribute) =>
        roles.TryGetValue(attribute, out var property) ? Role(property) : null;

    private static RolePropertySpec Role(IPropertySymbol property) =>
        new(Literals.Identifier(property.Name), property.Type.SpecialType == SpecialType.System_Single, property.Type.SpecialType == SpecialType.System_Int64);

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
