using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>HT0025: a dropout bound outside [0, 1), at the bound.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropoutRangeAnalyzer : HyperTuneAnalyzer
{
    /// <summary>The clamp the fix offers for a bound at or above 1: the hidden-layer rate of Srivastava et al. (2014).</summary>
    private const double SafeMaximum = 0.5;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DropoutOutOfRange);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (symbols.Dropout is { } dropout)
        {
            context.RegisterSymbolAction(c => Analyze(c, dropout), SymbolKind.Property);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol dropout)
    {
        if (KnownSymbols.Find(context.Symbol, dropout) is not { } attribute)
        {
            return;
        }

        var arguments = AttributeArguments.For(attribute, context.CancellationToken);
        if (arguments.Syntax is null
            || Constants.AsDouble(arguments.Constructor("a")) is not { } a
            || Constants.AsDouble(arguments.Constructor("b")) is not { } b)
        {
            return;
        }

        Check(context, arguments, "a", a, b);
        Check(context, arguments, "b", b, a);
    }

    private static void Check(SymbolAnalysisContext context, AttributeArguments arguments, string parameter, double bound, double other)
    {
        string reason;
        string? replacement = null;
        if (double.IsNaN(bound) || double.IsInfinity(bound))
        {
            reason = "it is not a probability";
        }
        else if (bound < 0)
        {
            reason = "a probability cannot be negative";
            replacement = other > 0 && other < 1 ? "0.0" : null;
        }
        else if (bound >= 1)
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
            arguments.LocationOf(arguments.ConstructorExpression(parameter)),
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            Constants.Format(bound),
            reason));
    }
}
