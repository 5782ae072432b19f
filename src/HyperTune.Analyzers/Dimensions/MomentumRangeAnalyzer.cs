using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>HT0022: a momentum bound at or above 1, at the bound.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MomentumRangeAnalyzer : RangeBoundAnalyzer
{
    /// <summary>The clamp the fix offers: the largest momentum in common use (Sutskever et al. 2013).</summary>
    private const double SafeMaximum = 0.99;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MomentumNotBelowOne);

    private protected override INamedTypeSymbol? AttributeType(KnownSymbols symbols) => symbols.Momentum;

    private protected override void Check(SymbolAnalysisContext context, RangeBound bound)
    {
        if (!(bound.Value >= 1))
        {
            return;
        }

        var replacement = bound.Other < SafeMaximum ? Constants.DoubleLiteral(SafeMaximum) : null;
        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.MomentumNotBelowOne,
            bound.Location,
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            Constants.Format(bound.Value)));
    }
}
