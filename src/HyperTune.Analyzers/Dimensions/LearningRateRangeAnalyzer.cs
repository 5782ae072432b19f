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
public sealed class LearningRateRangeAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LearningRateOutOfRange);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols.LearningRate), SymbolKind.Property);

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol learningRate)
    {
        if (KnownSymbols.Find(context.Symbol, learningRate) is not { } attribute)
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
        var location = arguments.LocationOf(arguments.ConstructorExpression(parameter));
        if (double.IsNaN(bound) || double.IsInfinity(bound))
        {
            Report(context, location, DiagnosticSeverity.Error, null, bound, "a rate that is not a finite number cannot train");
        }
        else if (bound <= 0)
        {
            Report(context, location, DiagnosticSeverity.Error, null, bound, "a rate at or below 0 does not descend, and Train rejects it");
        }
        else if (bound > 1)
        {
            // Clamping to 1 is obvious only when the range stays a range (the other bound below 1).
            var replacement = other < 1 && other > 0 ? "1.0" : null;
            Report(context, location, DiagnosticSeverity.Warning, replacement, bound,
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
