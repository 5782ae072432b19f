using System;
using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>HT0022: a momentum bound at or above 1, at the bound.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MomentumRangeAnalyzer : HyperTuneAnalyzer
{
    /// <summary>The clamp the fix offers: the largest momentum in common use (Sutskever et al. 2013).</summary>
    private const double SafeMaximum = 0.99;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MomentumNotBelowOne);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (symbols.Momentum is { } momentum)
        {
            context.RegisterSymbolAction(c => Analyze(c, momentum), SymbolKind.Property);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol momentum)
    {
        if (KnownSymbols.Find(context.Symbol, momentum) is not { } attribute)
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
        if (!(bound >= 1))
        {
            return;
        }

        var replacement = other < SafeMaximum ? Constants.DoubleLiteral(SafeMaximum) : null;
        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.MomentumNotBelowOne,
            arguments.LocationOf(arguments.ConstructorExpression(parameter)),
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            Constants.Format(bound)));
    }
}
