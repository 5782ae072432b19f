using System;
using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Training;

/// <summary>
/// HT0005: an early-stopping rule that cannot fire before training ends. For <c>[EarlyStopping]</c>
/// against <c>[Epochs]</c> with Keras' counting (the wait is incremented before the check, so
/// patience 0 acts as 1, and epochs before <c>StartFromEpoch</c> are ignored); for
/// <c>[ValidationMonitor]</c> against <c>[StopAtStep]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EarlyStoppingReachAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.EarlyStoppingNeverTriggers);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AnalyzeEarlyStopping(context, symbols, type);
        AnalyzeValidationMonitor(context, symbols, type);
    }

    private static void AnalyzeEarlyStopping(SymbolAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol type)
    {
        if (KnownSymbols.Find(type, symbols.EarlyStopping) is not { } attribute
            || KnownSymbols.FindOnProperties(type, symbols.Epochs) is not { } epochs
            || Constants.AsInteger(AttributeArguments.For(epochs.Attribute, context.CancellationToken).Constructor("max")) is not { } maxEpochs)
        {
            return;
        }

        var arguments = AttributeArguments.For(attribute, context.CancellationToken);
        if (arguments.Syntax is null || Constants.AsInteger(arguments.Constructor("patience")) is not { } patience ||
            patience < 0 || maxEpochs < 1 || Constants.AsInteger(arguments.Named("StartFromEpoch")) < 0)
        {
            return; // A value that cannot run at all is HT0029's (or HT0012's) to report.
        }

        var start = Math.Max(0, Constants.AsInteger(arguments.Named("StartFromEpoch")) ?? 0);
        var budget = Constants.Format(maxEpochs) + " epochs";
        if (start >= maxEpochs)
        {
            context.ReportDiagnostic(Report.Create(
                DiagnosticDescriptors.EarlyStoppingNeverTriggers,
                arguments.LocationOf(arguments.NamedExpression("StartFromEpoch")),
                Report.Properties((DiagnosticProperties.Replacement, "0")),
                "StartFromEpoch", Constants.Format(start), budget));
            return;
        }

        // Keras stops at the end of the epoch whose wait reaches the patience; the wait counts only
        // epochs from StartFromEpoch on, so the first possible stop is epoch start + max(patience, 1).
        if (start + Math.Max(patience, 1) < maxEpochs)
        {
            return;
        }

        // A tenth of the epochs left, but never one that a ReduceOnPlateau decay could not act before.
        var floor = EarlyStoppingPatience.Floor(type, symbols, context.CancellationToken);
        var replacement = EarlyStoppingPatience.Fitting(maxEpochs - start, floor, Math.Max(1, (maxEpochs - start) / 10)) is { } suggested
            ? Constants.Format(suggested)
            : null;
        var limit = start > 0 ? budget + " (counting from epoch " + Constants.Format(start) + ")" : budget;
        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.EarlyStoppingNeverTriggers,
            arguments.LocationOf(arguments.ConstructorExpression("patience")),
            Report.Properties((DiagnosticProperties.Replacement, replacement)),
            "Patience", Constants.Format(patience), limit));
    }

    private static void AnalyzeValidationMonitor(SymbolAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol type)
    {
        if (KnownSymbols.Find(type, symbols.ValidationMonitor) is not { } attribute
            || KnownSymbols.Find(type, symbols.StopAtStep) is not { } stopAtStep
            || Constants.AsInteger(AttributeArguments.For(stopAtStep, context.CancellationToken).Constructor("step")) is not { } lastStep)
        {
            return;
        }

        var arguments = AttributeArguments.For(attribute, context.CancellationToken);
        if (arguments.Syntax is null || lastStep < 1 ||
            Constants.AsInteger(arguments.Constructor("everyNSteps")) < 0 || Constants.AsInteger(arguments.Constructor("earlyStoppingRounds")) < 0)
        {
            return; // A value that cannot run at all is HT0029's to report, not a reach problem.
        }

        var budget = Constants.Format(lastStep) + " steps ([StopAtStep])";
        if (Constants.AsInteger(arguments.Constructor("everyNSteps")) is { } every && every >= lastStep)
        {
            context.ReportDiagnostic(Report.Create(
                DiagnosticDescriptors.EarlyStoppingNeverTriggers,
                arguments.LocationOf(arguments.ConstructorExpression("everyNSteps")),
                Report.Properties(),
                "EveryNSteps", Constants.Format(every), budget));
        }
        else if (Constants.AsInteger(arguments.Constructor("earlyStoppingRounds")) is { } rounds && rounds >= lastStep)
        {
            context.ReportDiagnostic(Report.Create(
                DiagnosticDescriptors.EarlyStoppingNeverTriggers,
                arguments.LocationOf(arguments.ConstructorExpression("earlyStoppingRounds")),
                Report.Properties(),
                "EarlyStoppingRounds", Constants.Format(rounds), budget));
        }
    }
}
