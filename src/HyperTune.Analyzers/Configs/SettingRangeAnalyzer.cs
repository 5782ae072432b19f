using System.Collections.Immutable;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// HT0032: a bound or fixed value of <c>[AdamBeta1]</c>, <c>[AdamBeta2]</c> (β in [0, 1)),
/// <c>[AdamEpsilon]</c> (ε above 0) or <c>[HiddenShrink]</c> (a factor in (0, 1]) that the optimiser or
/// the network rejects when <c>Train</c> builds it; reported at the value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingRangeAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SettingOutOfRange);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.Property);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        const string beta = "a moment's decay rate is a fraction of the past kept each step; at 1 or above the average never forgets and Adam diverges";
        Check(context, symbols.AdamBeta1, "AdamBeta1", v => v >= 0 && v < 1, "[0, 1)", beta);
        Check(context, symbols.AdamBeta2, "AdamBeta2", v => v >= 0 && v < 1, "[0, 1)", beta);
        Check(context, symbols.AdamEpsilon, "AdamEpsilon", v => v > 0 && !double.IsInfinity(v), "(0, ∞)", "ε keeps Adam's denominator away from 0, so it must be finite and above 0");
        Check(context, symbols.HiddenShrink, "HiddenShrink", v => v > 0 && v <= 1, "(0, 1]", "each hidden layer keeps this fraction of the one before, so 0 or less leaves no units and above 1 is a widening, not a shrink");
    }

    private static void Check(SymbolAnalysisContext context, INamedTypeSymbol? attributeType, string name, System.Func<double, bool> valid, string range, string reason)
    {
        if (KnownSymbols.Find(context.Symbol, attributeType) is not { } attribute)
        {
            return;
        }

        var arguments = AttributeArguments.For(attribute, context.CancellationToken);
        if (arguments.Syntax is null)
        {
            return;
        }

        foreach (string parameter in new[] { "value", "a", "b" })
        {
            if (Constants.AsDouble(arguments.Constructor(parameter)) is { } value && (double.IsNaN(value) || !valid(value)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.SettingOutOfRange,
                    arguments.LocationOf(arguments.ConstructorExpression(parameter)),
                    name, Constants.Format(value), range, reason));
            }
        }
    }
}
