using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Training;

/// <summary>
/// Learning-rate schedules read against the epoch budget (<c>[Epochs]</c>), with PyTorch's counting
/// (epoch 0 runs at the initial rate; the scheduler steps after each epoch):
/// HT0021, a step, milestone or warm-up that lies at or past the last epoch and so never happens;
/// HT0024, a Step, MultiStep or Exponential schedule that, with an adaptive optimiser among the
/// candidates, cuts the rate below the configured factor by the last epoch.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DecayScheduleAnalyzer : HyperTuneAnalyzer
{
    private const int Step = 1;
    private const int MultiStep = 2;
    private const int Exponential = 3;
    private const int LinearWarmup = 5;

    /// <summary>The names of <c>OptimizerKind</c>'s members, by value.</summary>
    private static readonly string[] OptimizerNames = { "Sgd", "Momentum", "Nesterov", "AdaGrad", "RmsProp", "Adam", "AdamW" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DecayNeverActs, DiagnosticDescriptors.AdaptiveOptimizerDecayedToNothing);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KnownSymbols.Find(type, symbols.LearningRateDecay) is not { } decay
            || KnownSymbols.FindOnProperties(type, symbols.Epochs) is not { } epochs
            || Constants.AsInteger(AttributeArguments.For(epochs.Attribute, context.CancellationToken).Constructor("max")) is not { } maxEpochs
            || maxEpochs < 1)
        {
            return;
        }

        var arguments = AttributeArguments.For(decay, context.CancellationToken);
        if (arguments.Syntax is null || Constants.AsInteger(arguments.Constructor("kind")) is not { } kind)
        {
            return;
        }

        AnalyzeReach(context, arguments, kind, maxEpochs);
        AnalyzeFinalFactor(context, symbols, type, arguments, kind, maxEpochs);
    }

    private static void AnalyzeReach(SymbolAnalysisContext context, AttributeArguments arguments, long kind, long maxEpochs)
    {
        switch (kind)
        {
            case Step:
                var stepSize = Constants.AsInteger(arguments.Named("StepSize")) ?? 1;
                if (stepSize >= maxEpochs)
                {
                    ReportReach(context, arguments.LocationOf(arguments.NamedExpression("StepSize")), "StepSize", stepSize, maxEpochs,
                        "the first cut would come at epoch " + Constants.Format(stepSize) + ", so the rate is never cut");
                }

                break;

            case MultiStep:
                var milestones = Constants.Elements(arguments.Named("Milestones"));
                var expressions = MilestoneExpressions(arguments);
                for (var i = 0; i < milestones.Count; i++)
                {
                    if (Constants.AsInteger(milestones[i]) is { } milestone && milestone >= maxEpochs)
                    {
                        var location = arguments.LocationOf(expressions.Count == milestones.Count ? expressions[i] : arguments.NamedExpression("Milestones"));
                        ReportReach(context, location, "Milestone", milestone, maxEpochs, "the rate is never cut at this milestone");
                    }
                }

                break;

            case LinearWarmup:
                var totalEpochs = Constants.AsInteger(arguments.Named("TotalEpochs")) ?? 5;
                if (totalEpochs >= maxEpochs)
                {
                    ReportReach(context, arguments.LocationOf(arguments.NamedExpression("TotalEpochs")), "TotalEpochs", totalEpochs, maxEpochs,
                        "the warm-up never reaches its end factor");
                }

                break;
        }
    }

    private static void AnalyzeFinalFactor(
        SymbolAnalysisContext context, KnownSymbols symbols, INamedTypeSymbol type, AttributeArguments arguments, long kind, long maxEpochs)
    {
        if (kind is not (Step or MultiStep or Exponential)
            || AdaptiveCandidate(type, symbols, context) is not { } optimizer)
        {
            return;
        }

        var gamma = Constants.AsDouble(arguments.Named("Gamma")) ?? 0.1;
        if (!(gamma > 0 && gamma < 1))
        {
            return;
        }

        // The number of cuts applied by the rate of the last epoch (index maxEpochs - 1).
        var lastEpoch = maxEpochs - 1;
        long cuts = kind switch
        {
            Step => lastEpoch / Math.Max(1, Constants.AsInteger(arguments.Named("StepSize")) ?? 1),
            Exponential => lastEpoch,
            _ => CountMilestonesUpTo(arguments, lastEpoch),
        };

        var factor = Math.Pow(gamma, cuts);
        var minimum = HyperTuneOptions.For(context.Options, arguments.Syntax!.SyntaxTree).MinDecayFactor;
        if (factor >= minimum)
        {
            return;
        }

        var kindName = kind switch { Step => "Step", MultiStep => "MultiStep", _ => "Exponential" };
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.AdaptiveOptimizerDecayedToNothing,
            arguments.LocationOf(arguments.NamedExpression("Gamma")),
            kindName,
            factor.ToString("G3", CultureInfo.InvariantCulture),
            "epoch " + Constants.Format(lastEpoch),
            Constants.Format(minimum),
            optimizer));
    }

    private static long CountMilestonesUpTo(AttributeArguments arguments, long lastEpoch)
    {
        long count = 0;
        foreach (var milestone in Constants.Elements(arguments.Named("Milestones")))
        {
            if (Constants.AsInteger(milestone) is { } value && value <= lastEpoch)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first adaptive optimiser among the config's candidates, or <see langword="null"/>.</summary>
    private static string? AdaptiveCandidate(INamedTypeSymbol type, KnownSymbols symbols, SymbolAnalysisContext context)
    {
        if (KnownSymbols.FindOnProperties(type, symbols.Optimizer) is not { } optimizer)
        {
            return null;
        }

        foreach (var candidate in Constants.Elements(AttributeArguments.For(optimizer.Attribute, context.CancellationToken).Constructor("candidates")))
        {
            // AdaGrad = 3, RmsProp = 4, Adam = 5, AdamW = 6: the optimisers that scale each step by gradient statistics.
            if (Constants.AsInteger(candidate) is { } value && value >= 3 && value < OptimizerNames.Length)
            {
                return OptimizerNames[value];
            }
        }

        return null;
    }

    private static IReadOnlyList<ExpressionSyntax> MilestoneExpressions(AttributeArguments arguments) =>
        arguments.NamedExpression("Milestones") is { } expression
            ? AttributeArguments.ArrayElements(expression) ?? Array.Empty<ExpressionSyntax>()
            : Array.Empty<ExpressionSyntax>();

    private static void ReportReach(SymbolAnalysisContext context, Location location, string name, long value, long maxEpochs, string consequence) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DecayNeverActs, location, name, Constants.Format(value), Constants.Format(maxEpochs), consequence));
}
