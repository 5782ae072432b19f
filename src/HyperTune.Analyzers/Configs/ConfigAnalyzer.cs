using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
        if (type.Locations.FirstOrDefault(static l => l.IsInSource) is not { } typeLocation)
        {
            return;
        }

        if (ConfigProblems.Of(type, context.Compilation, context.CancellationToken) is { } problems)
        {
            foreach (var problem in problems.Problems)
            {
                // HT0008 on a containing type is the container's to report (below): once per
                // container, and local to it, so the IDE shows it and its fix without a full analysis.
                if (problem.Descriptor != ConfigDescriptors.ConfigTypeNotPartial || IsIn(problem.Location, type, context.CancellationToken))
                {
                    context.ReportDiagnostic(problem.ToDiagnostic(typeLocation, Properties(problem, context)));
                }
            }
        }

        ReportAsContainer(context, type);
    }

    /// <summary>
    /// HT0008 at a type that is not partial and contains a config: the parser's own diagnostic for
    /// the first such config (in declaration order), reported once.
    /// </summary>
    private static void ReportAsContainer(SymbolAnalysisContext context, INamedTypeSymbol container)
    {
        foreach (var config in NestedTypes(container))
        {
            if (ConfigProblems.Of(config, context.Compilation, context.CancellationToken) is not { } problems)
            {
                continue;
            }

            if (problems.Problems.Any(static p => p.Descriptor == ConfigDescriptors.UnsupportedConfigType || p.Descriptor == ConfigDescriptors.GeneratorFailure))
            {
                continue; // The parser stopped before it looked at the containers.
            }

            foreach (var problem in problems.Problems)
            {
                if (problem.Descriptor == ConfigDescriptors.ConfigTypeNotPartial && IsIn(problem.Location, container, context.CancellationToken))
                {
                    context.ReportDiagnostic(problem.ToDiagnostic(problem.Location!));
                }
            }

            return; // Every config it contains says the same about the container.
        }
    }

    private static IEnumerable<INamedTypeSymbol> NestedTypes(INamedTypeSymbol type)
    {
        foreach (var nested in type.GetTypeMembers())
        {
            yield return nested;
            foreach (var deeper in NestedTypes(nested))
            {
                yield return deeper;
            }
        }
    }

    /// <summary>Whether <paramref name="location"/> is the name in one of the declarations of <paramref name="type"/>, where HT0008 points.</summary>
    private static bool IsIn(Location? location, INamedTypeSymbol type, CancellationToken cancellationToken) =>
        location is { SourceTree: { } tree } &&
        type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree && r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Identifier.Span == location.SourceSpan);

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
