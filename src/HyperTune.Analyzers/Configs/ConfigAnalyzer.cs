using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ConfigDescriptors = HyperTune.SourceGenerators.Diagnostics.DiagnosticDescriptors;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// HT0008, HT0010–HT0019 and HT0040: what keeps a config, or its <c>Train</c>, from being generated.
/// Runs the generator's own parser (<see cref="ConfigParser"/>, compiled into this assembly too) on
/// exactly the types the generator looks at, and reports what it finds where it lies in source, so
/// that <c>.editorconfig</c> severities, <c>#pragma warning disable</c> and
/// <c>[SuppressMessage]</c> apply as to any analyzer. The generator skips such configs and reports
/// nothing: the two cannot disagree about what is valid.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ConfigDescriptors.All);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var problems = ConfigProblems.Of(type, context.Compilation, context.CancellationToken);
        if (problems is null || type.Locations.FirstOrDefault(static l => l.IsInSource) is not { } typeLocation)
        {
            return;
        }

        foreach (var problem in problems.Value)
        {
            context.ReportDiagnostic(problem.ToDiagnostic(typeLocation, Properties(problem, context)));
        }
    }

    /// <summary>
    /// HT0014 at one candidate of a list that has others (a repeated or non-finite candidate): the
    /// Remove candidate fix applies, and leaves a candidate.
    /// </summary>
    private static ImmutableDictionary<string, string?>? Properties(DiagnosticInfo problem, SymbolAnalysisContext context)
    {
        if (problem.Descriptor != ConfigDescriptors.InvalidCandidates || problem.Location is not { SourceTree: { } tree } location)
        {
            return null;
        }

        var node = tree.GetRoot(context.CancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        int siblings = node switch
        {
            ExpressionSyntax { Parent: AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax list } } =>
                list.Arguments.Count(static a => a.NameEquals is null && a.NameColon is null),
            ExpressionSyntax { Parent: InitializerExpressionSyntax initializer } => initializer.Expressions.Count,
            ExpressionSyntax { Parent: ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } } => collection.Elements.Count,
            _ => 0,
        };
        return siblings >= 2 ? Report.Properties((DiagnosticProperties.CanRemove, "true")) : null;
    }
}

/// <summary>
/// The verdict of the shared config parser on one type, for the analyzers: the problems it finds,
/// or HT0019 when it fails. Other rules ask it too, to stay quiet about a config that has an error
/// (the error is the one thing worth saying, and the config is not generated).
/// </summary>
internal static class ConfigProblems
{
    /// <summary>
    /// The problems of <paramref name="type"/>, or <see langword="null"/> when the generator does not
    /// look at it (no annotated property).
    /// </summary>
    public static ImmutableArray<DiagnosticInfo>? Of(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (!ConfigParser.IsConfig(type))
        {
            return null;
        }

        var problems = new List<DiagnosticInfo>();
        try
        {
            ConfigParser.Analyze(type, compilation, problems, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The generator meets the same exception and emits nothing for this config.
            return ImmutableArray.Create(DiagnosticInfo.Create(
                ConfigDescriptors.GeneratorFailure,
                type.Locations.FirstOrDefault(),
                type.Name,
                exception.GetType().Name + ": " + exception.Message));
        }

        return problems.ToImmutableArray();
    }

    /// <summary>Whether the parser finds an error in the config (so the generator emits it without <c>Train</c>, or not at all).</summary>
    public static bool HasError(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellationToken) =>
        Of(type, compilation, cancellationToken) is { } problems && problems.Any(static p => p.IsError || p.Descriptor == ConfigDescriptors.GeneratorFailure);
}
