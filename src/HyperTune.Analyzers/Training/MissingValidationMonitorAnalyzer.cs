using System.Collections.Immutable;
using HyperTune.Analyzers.Configs;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperTune.Analyzers.Training;

/// <summary>
/// HT0002, in two places. At a config that trains (it has <c>[Epochs]</c> or a training policy, and
/// the generator, whose parser this asks, emits its <c>Train</c>) but carries neither <c>[EarlyStopping]</c> nor
/// <c>[ValidationMonitor]</c>: reported at <c>[Epochs]</c>, with the patience the fix writes (one
/// that fits the epochs and any plateau decay) when one fits. At a call of
/// the generated <c>Train</c>: when the config has no monitor (and no <c>[Epochs]</c> to report at:
/// it trains through a policy such as <c>[StopAtStep]</c>),
/// or when it has one but the call passes no validation set.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingValidationMonitorAnalyzer : HyperTuneAnalyzer
{
    private const string TrainMethodName = "Train";
    private const string ValidationParameterName = "validation";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NoValidationMonitor, DiagnosticDescriptors.TrainWithoutValidationData);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        context.RegisterSymbolAction(c => AnalyzeType(c, symbols), SymbolKind.NamedType);
        context.RegisterInvocationsNamed(TrainMethodName, (c, invocation) => AnalyzeTrainCall(c, invocation, symbols));
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KnownSymbols.FindOnProperties(type, symbols.Epochs) is not { } epochs || MonitorOf(type, symbols) is not null)
        {
            return;
        }

        var arguments = AttributeArguments.For(epochs.Attribute, context.CancellationToken);
        if (arguments.Syntax is null)
        {
            return;
        }

        // Only a config that the generator gives a Train trains. One it rejects (not partial, generic,
        // [Epochs(0)], ...) gets its error from ConfigAnalyzer, the same parser, and nothing else.
        if (!ConfigProblems.GeneratesTrain(type, context.Compilation, context.CancellationToken))
        {
            return;
        }

        var maxEpochs = Constants.AsInteger(arguments.Constructor("max"));
        var budget = maxEpochs is { } max ? Constants.Format(max) + " epochs" : "its epochs";
        var patience = EarlyStoppingPatience.Fitting(maxEpochs, EarlyStoppingPatience.Floor(type, symbols, context.CancellationToken), EarlyStoppingPatience.Preferred);
        context.ReportDiagnostic(Report.Create(
            DiagnosticDescriptors.NoValidationMonitor,
            arguments.AttributeLocation,
            Report.Properties(
                (DiagnosticProperties.CanAddEarlyStopping, patience is null ? null : "true"),
                (DiagnosticProperties.Replacement, patience is { } value ? Constants.Format(value) : null)),
            type.Name,
            budget));
    }

    private static void AnalyzeTrainCall(SemanticModelAnalysisContext context, IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name != TrainMethodName || method.IsStatic || !symbols.IsConfigType(method.ContainingType))
        {
            return;
        }

        var type = method.ContainingType;
        if (MonitorOf(type, symbols) is not { } monitor)
        {
            // A config with [Epochs] is already flagged at its declaration; one call site per config
            // without it is the only place left to say it.
            if (KnownSymbols.FindOnProperties(type, symbols.Epochs) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.NoValidationMonitor, invocation.Syntax.GetLocation(), type.Name, "its epochs"));
            }

            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != ValidationParameterName)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TrainWithoutValidationData, invocation.Syntax.GetLocation(), type.Name, monitor));
            }
            else if (IsNullConstant(argument.Value))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TrainWithoutValidationData, argument.Syntax.GetLocation(), type.Name, monitor));
            }
        }
    }

    /// <summary>The name of the attribute through which the config watches validation, or <see langword="null"/>.</summary>
    private static string? MonitorOf(INamedTypeSymbol type, KnownSymbols symbols) =>
        KnownSymbols.Find(type, symbols.EarlyStopping) is not null ? "EarlyStopping"
        : KnownSymbols.Find(type, symbols.ValidationMonitor) is not null ? "ValidationMonitor"
        : null;

    private static bool IsNullConstant(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: null };
    }
}
