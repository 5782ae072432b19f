using System;
using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>
/// HT0006: more hidden layers than the configured maximum (three by default), at the range's upper
/// bound or at each candidate above it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HiddenLayersAnalyzer : AttributeRuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TooManyHiddenLayers);

    private protected override INamedTypeSymbol? AttributeType(KnownSymbols symbols) => symbols.HiddenLayers;

    private protected override void Analyze(SymbolAnalysisContext context, AttributeArguments arguments)
    {
        var limit = HyperTuneOptions.For(context.Options, arguments.Syntax!.SyntaxTree).MaxHiddenLayers;
        if (Constants.AsInteger(arguments.Constructor("a")) is { } a && Constants.AsInteger(arguments.Constructor("b")) is { } b)
        {
            var upper = a >= b ? "a" : "b";
            var max = Math.Max(a, b);
            var min = Math.Min(a, b);
            if (max > limit)
            {
                // Clamping keeps a range only when the other bound stays below the limit.
                var replacement = min < limit ? Constants.Format(limit) : null;
                Report(context, arguments.LocationOf(arguments.ConstructorExpression(upper)), max, limit,
                    (DiagnosticProperties.Replacement, replacement));
            }

            return;
        }

        var candidates = new CandidateList(arguments, "candidates");
        var values = candidates.Values;
        var anyWithin = false;
        foreach (var value in values)
        {
            anyWithin |= Constants.AsInteger(value) is { } v && v <= limit;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (Constants.AsInteger(values[i]) is { } value && value > limit)
            {
                Report(context, candidates.LocationOf(i), value, limit,
                    (DiagnosticProperties.CanRemove, anyWithin ? "true" : null));
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, long value, int limit, (string, string?) property) =>
        context.ReportDiagnostic(Infrastructure.Report.Create(
            DiagnosticDescriptors.TooManyHiddenLayers,
            location,
            Infrastructure.Report.Properties(property),
            Constants.Format(value),
            Constants.Format(limit)));
}
