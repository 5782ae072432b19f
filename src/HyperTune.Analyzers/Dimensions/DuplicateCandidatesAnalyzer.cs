using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>
/// HT0023: a value listed again in the same <c>[ActiveWhen]</c>, at each repetition after the
/// first. A candidate repeated in a dimension's list (<c>[BatchSize]</c>, <c>[Optimizer]</c>,
/// <c>[Choice]</c>, <c>[HiddenLayers]</c>, <c>[HiddenUnits]</c>) is HT0014 instead: an error, since
/// the generator cannot encode it, and one diagnostic per repetition is enough.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateCandidatesAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateCandidate);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var lists = ImmutableArray.Create((symbols.ActiveWhen, "values"));
        context.RegisterSymbolAction(c => Analyze(c, lists), SymbolKind.Property);
    }

    private static void Analyze(SymbolAnalysisContext context, ImmutableArray<(INamedTypeSymbol? Type, string Parameter)> lists)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            foreach (var (type, parameter) in lists)
            {
                if (KnownSymbols.Is(attribute, type))
                {
                    AnalyzeList(context, AttributeArguments.For(attribute, context.CancellationToken), parameter);
                }
            }
        }
    }

    private static void AnalyzeList(SymbolAnalysisContext context, AttributeArguments arguments, string parameter)
    {
        var candidates = new CandidateList(arguments, parameter);
        var values = candidates.Values;
        if (arguments.Syntax is null || values.Count < 2)
        {
            return;
        }

        for (var i = 1; i < values.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Constants.SameValue(values[i], values[j]))
                {
                    context.ReportDiagnostic(Report.Create(
                        DiagnosticDescriptors.DuplicateCandidate,
                        candidates.LocationOf(i),
                        Report.Properties((DiagnosticProperties.CanRemove, "true")),
                        Constants.Display(values[i])));
                    break;
                }
            }
        }
    }
}
