using System;
using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Training;

/// <summary>
/// HT0009: a <c>ReduceOnPlateau</c> schedule that early stopping always beats. PyTorch cuts the
/// rate when the bad epochs exceed its patience (after patience + 1 of them); Keras stops when they
/// reach its patience (at least 1). If the cut does not come strictly first, the reduced rate never
/// trains a single epoch.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlateauPatienceAnalyzer : HyperTuneAnalyzer
{
    private const int ReduceOnPlateau = 6;
    private const int DefaultPlateauPatience = 10;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PlateauDecayCannotAct);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KnownSymbols.Find(type, symbols.LearningRateDecay) is not { } decay
            || KnownSymbols.Find(type, symbols.EarlyStopping) is not { } earlyStopping
            || Constants.AsInteger(AttributeArguments.For(earlyStopping, context.CancellationToken).Constructor("patience")) is not { } stopPatience)
        {
            return;
        }

        var arguments = AttributeArguments.For(decay, context.CancellationToken);
        if (arguments.Syntax is null || Constants.AsInteger(arguments.Constructor("kind")) != ReduceOnPlateau)
        {
            return;
        }

        var plateauPatience = Constants.AsInteger(arguments.Named("Patience")) ?? DefaultPlateauPatience;
        var cutAfter = plateauPatience + 1;
        var stopAfter = Math.Max(stopPatience, 1);
        if (cutAfter < stopAfter)
        {
            return;
        }

        // About half the early-stopping patience (a common pairing is 5 with 10), and always a cut that comes first.
        string? replacement = stopAfter >= 2 ? Constants.Format(Math.Min(stopAfter / 2, stopAfter - 2)) : null;
        var expression = arguments.NamedExpression("Patience");
        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.PlateauDecayCannotAct,
            arguments.LocationOf(expression),
            Report.Properties(
                (DiagnosticProperties.Replacement, replacement),
                (DiagnosticProperties.NamedArgumentToAdd, expression is null ? "Patience" : null)),
            Constants.Format(cutAfter),
            Constants.Format(stopAfter)));
    }
}
