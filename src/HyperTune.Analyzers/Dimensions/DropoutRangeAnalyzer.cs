using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>HT0025: a dropout bound outside [0, 1), at the bound.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropoutRangeAnalyzer : RangeBoundAnalyzer
{
    /// <summary>The clamp the fix offers for a bound at or above 1: the hidden-layer rate of Srivastava et al. (2014).</summary>
    private const double SafeMaximum = 0.5;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DropoutOutOfRange);

    private protected override INamedTypeSymbol? AttributeType(KnownSymbols symbols) => symbols.Dropout;

    private protected override void Check(SymbolAnalysisContext context, RangeBound bound)
    {
        string reason;
        string? replacement = null;
        var value = bound.Value;
        var other = bound.Other;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            reason = "it is not a probability";
        }
        else if (value < 0)
        {
            reason = "a probability cannot be negative";
            replacement = other > 0 && other < 1 ? "0.0" : null;
        }
        else if (value >= 1)
        {
            reason = "dropping every unit leaves nothing to train, and inverted dropout divides by zero";
            replacement = other >= 0 && other < SafeMaximum ? Constants.DoubleLiteral(SafeMaximum) : null;
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.DropoutOutOfRange,
            bound.Location,
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            Constants.Format(value),
            reason));
    }
}
