using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>
/// HT0003: a learning-rate bound outside (0, 1], at the bound. A warning above 1 (it trains, and
/// usually diverges); an error at or below 0 or when not finite (it cannot train at all).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LearningRateRangeAnalyzer : RangeBoundAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LearningRateOutOfRange);

    private protected override INamedTypeSymbol? AttributeType(KnownSymbols symbols) => symbols.LearningRate;

    private protected override void Check(SymbolAnalysisContext context, RangeBound bound)
    {
        var value = bound.Value;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            Report(context, bound.Location, DiagnosticSeverity.Error, null, value, "a rate that is not a finite number cannot train");
        }
        else if (value <= 0)
        {
            Report(context, bound.Location, DiagnosticSeverity.Error, null, value, "a rate at or below 0 does not descend, and Train rejects it");
        }
        else if (value > 1)
        {
            // Clamping to 1 is obvious only when the range stays a range (the other bound below 1).
            var replacement = bound.Other < 1 && bound.Other > 0 ? "1.0" : null;
            Report(context, bound.Location, DiagnosticSeverity.Warning, replacement, value,
                "steps larger than the gradient overshoot the minimum and diverge with every common optimiser");
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, DiagnosticSeverity severity, string? replacement, double bound, string reason) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.LearningRateOutOfRange,
            location,
            severity,
            additionalLocations: null,
            properties: Infrastructure.Report.Properties((DiagnosticProperties.Replacement, replacement)),
            Constants.Format(bound),
            reason));
}
