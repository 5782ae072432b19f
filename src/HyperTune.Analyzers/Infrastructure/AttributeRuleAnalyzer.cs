using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// The skeleton of a rule about one attribute on a config property: registers on the attribute's
/// symbol (only when the referenced library has it), finds the attribute on each property, and
/// hands the rule its arguments when they come from source (only there can a diagnostic point at
/// an argument).
/// </summary>
public abstract class AttributeRuleAnalyzer : HyperTuneAnalyzer
{
    /// <summary>The attribute this rule reads, or <see langword="null"/> when the referenced library lacks it.</summary>
    private protected abstract INamedTypeSymbol? AttributeType(KnownSymbols symbols);

    /// <summary>
    /// Applies the rule to the attribute written on <c>context.Symbol</c>; <paramref name="arguments"/>
    /// always has its <see cref="AttributeArguments.Syntax"/>.
    /// </summary>
    private protected abstract void Analyze(SymbolAnalysisContext context, AttributeArguments arguments);

    private protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (AttributeType(symbols) is { } attributeType)
        {
            context.RegisterSymbolAction(c => AnalyzeProperty(c, attributeType), SymbolKind.Property);
        }
    }

    private void AnalyzeProperty(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
    {
        if (KnownSymbols.Find(context.Symbol, attributeType) is not { } attribute)
        {
            return;
        }

        var arguments = AttributeArguments.For(attribute, context.CancellationToken);
        if (arguments.Syntax is not null)
        {
            Analyze(context, arguments);
        }
    }
}
