using System;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HyperTune.Analyzers.Dimensions;

/// <summary>
/// HT0004: a positive range that spans two or more decades on a linear scale, where almost every
/// sample lands in the top decade. Reported at the explicit <c>Scale.Linear</c> argument, or at the
/// bounds when the scale is left to its default.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LinearScaleAnalyzer : HyperTuneAnalyzer
{
    /// <summary>A range whose bounds differ by this factor or more spans two decades.</summary>
    private const double TwoDecades = 100;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LinearScaleAcrossDecades);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var ranged = ImmutableArray.Create(symbols.LearningRate, symbols.Momentum, symbols.WeightDecay, symbols.Dropout,
            symbols.Range, symbols.HiddenLayers, symbols.HiddenUnits);
        context.RegisterSymbolAction(c => Analyze(c, ranged), SymbolKind.Property);
    }

    private static void Analyze(SymbolAnalysisContext context, ImmutableArray<INamedTypeSymbol?> ranged)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (ranged.Any(t => KnownSymbols.Is(attribute, t)))
            {
                AnalyzeRange(context, AttributeArguments.For(attribute, context.CancellationToken));
            }
        }
    }

    private static void AnalyzeRange(SymbolAnalysisContext context, AttributeArguments arguments)
    {
        // The candidates constructor of HiddenLayers/HiddenUnits has no bounds: nothing to check.
        if (arguments.Syntax is null
            || Constants.AsDouble(arguments.Constructor("a")) is not { } a
            || Constants.AsDouble(arguments.Constructor("b")) is not { } b
            || Constants.AsInteger(arguments.Constructor("scale")) is not 0)
        {
            return;
        }

        var min = Math.Min(a, b);
        var max = Math.Max(a, b);
        if (!(min > 0) || double.IsInfinity(max) || max / min < TwoDecades)
        {
            return;
        }

        var scaleExpression = arguments.ConstructorExpression("scale");
        Location location;
        if (scaleExpression is not null)
        {
            location = scaleExpression.GetLocation();
        }
        else if (arguments.ConstructorExpression("a") is { } first && arguments.ConstructorExpression("b") is { } second)
        {
            var start = Math.Min(first.SpanStart, second.SpanStart);
            var end = Math.Max(first.Span.End, second.Span.End);
            location = Location.Create(first.SyntaxTree, TextSpan.FromBounds(start, end));
        }
        else
        {
            location = arguments.AttributeLocation;
        }

        var decades = Math.Log10(max / min);
        var topDecadeShare = (max - (max / 10)) / (max - min) * 100;
        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.LinearScaleAcrossDecades,
            location,
            Report.Properties((DiagnosticProperties.HasScaleArgument, scaleExpression is null ? null : "true")),
            Constants.Format(min),
            Constants.Format(max),
            decades.ToString("0.#", CultureInfo.InvariantCulture),
            topDecadeShare.ToString("0", CultureInfo.InvariantCulture)));
    }
}
