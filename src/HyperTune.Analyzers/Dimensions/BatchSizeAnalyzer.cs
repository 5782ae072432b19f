using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>
/// HT0001 (a candidate above the configured maximum), HT0020 (a candidate of 1, which is plain SGD)
/// and HT0026 (a candidate below 1), each at the candidate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchSizeAnalyzer : AttributeRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BatchSizeTooLarge, DiagnosticDescriptors.BatchSizeOne, DiagnosticDescriptors.BatchSizeBelowOne);

    private protected override INamedTypeSymbol? AttributeType(KnownSymbols symbols) => symbols.BatchSize;

    private protected override void Analyze(SymbolAnalysisContext context, AttributeArguments arguments)
    {
        var list = new CandidateList(arguments, "candidates");
        var values = list.Values;
        var max = HyperTuneOptions.For(context.Options, arguments.Syntax!.SyntaxTree).MaxBatchSize;

        var candidates = new long?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            candidates[i] = Constants.AsInteger(values[i]);
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i] is not { } value)
            {
                continue;
            }

            var location = list.LocationOf(i);
            if (value < 1)
            {
                var canRemove = AnyOther(candidates, i, v => v >= 1);
                context.ReportDiagnostic(Report.Create(DiagnosticDescriptors.BatchSizeBelowOne, location,
                    Report.Properties((DiagnosticProperties.CanRemove, canRemove ? "true" : null)), Constants.Format(value)));
            }
            else if (value == 1)
            {
                var canRemove = AnyOther(candidates, i, v => v != 1);
                context.ReportDiagnostic(Report.Create(DiagnosticDescriptors.BatchSizeOne, location,
                    Report.Properties((DiagnosticProperties.CanRemove, canRemove ? "true" : null)), Constants.Format(value)));
            }
            else if (value > max)
            {
                var canRemove = AnyOther(candidates, i, v => v >= 1 && v <= max);
                var maxListed = AnyOther(candidates, i, v => v == max);
                context.ReportDiagnostic(Report.Create(DiagnosticDescriptors.BatchSizeTooLarge, location,
                    Report.Properties(
                        (DiagnosticProperties.CanRemove, canRemove ? "true" : null),
                        (DiagnosticProperties.Replacement, maxListed ? null : Constants.Format(max))),
                    Constants.Format(value), Constants.Format(max)));
            }
        }
    }

    /// <summary>Whether a candidate other than the one at <paramref name="index"/> satisfies the predicate (and so survives removal).</summary>
    private static bool AnyOther(long?[] candidates, int index, System.Func<long, bool> predicate)
    {
        for (var j = 0; j < candidates.Length; j++)
        {
            if (j != index && candidates[j] is { } other && predicate(other))
            {
                return true;
            }
        }

        return false;
    }
}
