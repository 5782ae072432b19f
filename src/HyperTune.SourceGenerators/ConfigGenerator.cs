using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs;
using HyperTune.SourceGenerators.Configs.Model;
using HyperTune.SourceGenerators.Diagnostics;
using HyperTune.SourceGenerators.SearchSpace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HyperTune.SourceGenerators;

/// <summary>
/// Generates, for each config type whose properties carry dimension attributes, a strongly-typed
/// search space (a nested <c>SearchSpace</c> class) and, when it has <c>[Epochs]</c> or a training
/// policy, a training loop specialised to it (<c>Train</c>). One model per type (whichever attribute
/// found it), one source file per type (<c>{FullyQualifiedMetadataName}.g.cs</c>). A config the
/// parser finds an error in gets no source; the analyzer <c>ConfigAnalyzer</c> reports the error.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ConfigGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. One provider per attribute that can make a property a dimension; each gives the whole
        //    config model, built once per type by its first annotated property.
        var attributeNames = KnownNames.DimensionAttributes.Concat(new[] { KnownNames.ActiveWhenAttribute });
        IncrementalValueProvider<ImmutableArray<ConfigResult>>? all = null;
        foreach (string attributeName in attributeNames)
        {
            var models = context.SyntaxProvider
                .ForAttributeWithMetadataName(attributeName, ConfigParser.IsCandidate, ConfigParser.Parse)
                .Where(static result => result is not null)
                .Select(static (result, _) => result!)
                .WithTrackingName(TrackingNames.ConfigModel)
                .Collect();
            all = all is null ? models : all.Value.Combine(models).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        //    Positional records' [property: ...] attributes sit on parameters, where
        //    ForAttributeWithMetadataName does not look: a narrow syntax provider finds those.
        var recordModels = context.SyntaxProvider
            .CreateSyntaxProvider(ConfigParser.IsRecordParameterCandidate, ConfigParser.ParseRecordParameter)
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.ConfigModel)
            .Collect();
        all = all!.Value.Combine(recordModels).Select(static (pair, _) => pair.Left.AddRange(pair.Right));

        // 2. One result per type: a property with two dimension attributes reaches the parser twice.
        var configs = all!.Value
            .WithTrackingName(TrackingNames.AllConfigModels)
            .SelectMany(static (results, _) => Distinct(results))
            .WithTrackingName(TrackingNames.DistinctConfigModels);

        // 3. Only configs without errors reach the emitter. The problems of the others are reported
        //    by ConfigAnalyzer (HyperTune.Analyzers), which runs the same parser at real source
        //    locations, where .editorconfig severities and #pragma warning disable apply.
        var specs = configs
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.SearchSpaceSpecs);

        // Generated code needs C# 10; under an older LangVersion it would only add compiler errors in
        // generated files, so nothing is emitted and an analyzer (HT0028) says why, once per config.
        var languageSupported = context.ParseOptionsProvider
            .Select(static (options, _) => options is not CSharpParseOptions parsed || parsed.LanguageVersion >= LanguageVersion.CSharp10)
            .WithTrackingName(TrackingNames.LanguageVersion);

        context.RegisterSourceOutput(specs.Combine(languageSupported), static (output, pair) =>
        {
            if (pair.Right)
            {
                Emit(output, pair.Left);
            }
        });
    }

    private static void Emit(SourceProductionContext output, ConfigSpec spec)
    {
        try
        {
            output.AddSource(spec.MetadataName + ".g.cs", SearchSpaceEmitter.Emit(spec));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never crash the compiler: a bug in the emitter becomes a diagnostic. The only one the
            // generator reports: the analyzer, which does not emit, cannot see it. It has no source
            // location; NoWarn or a global .editorconfig configures it.
            output.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.GeneratorFailure, Location.None, spec.DisplayName, exception.GetType().Name + ": " + exception.Message));
        }
    }

    private static IEnumerable<ConfigResult> Distinct(ImmutableArray<ConfigResult> results)
    {
        var seen = new HashSet<string>();
        return results.Where(result => seen.Add(result.MetadataName)).OrderBy(static r => r.MetadataName, System.StringComparer.Ordinal);
    }
}
