using System.Collections.Immutable;
using System.Linq;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// HT0027: two properties with the same role attribute (<c>[LearningRate]</c>, <c>[BatchSize]</c>,
/// <c>[Epochs]</c>, ...), base types included: <c>Train</c> cannot tell which to use, so the generator
/// emits none. HT0030 (info): a config that trains with neither <c>[Epochs]</c> nor
/// <c>[StopAtStep]</c> runs to the documented default bound.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainingRolesAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateRole, DiagnosticDescriptors.DefaultEpochBound);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!symbols.IsGeneratedConfig(type))
        {
            return;
        }

        var properties = ConfigChain.Properties(type);
        bool hasEpochs = false;
        foreach (var role in symbols.RoleAttributes)
        {
            IPropertySymbol? first = null;
            foreach (var property in properties)
            {
                if (KnownSymbols.Find(property, role) is not { } attribute)
                {
                    continue;
                }

                hasEpochs |= SymbolEqualityComparer.Default.Equals(role, symbols.Epochs);
                if (first is null)
                {
                    first = property;
                    continue;
                }

                // Reported by the type that declares the second property: a pair inside a base is the base's to report.
                if (SymbolEqualityComparer.Default.Equals(property.ContainingType, type) &&
                    AttributeArguments.For(attribute, context.CancellationToken).Syntax is { } syntax)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateRole, syntax.GetLocation(), first.Name, property.Name, ShortName(role)));
                }
            }
        }

        bool hasPolicy = symbols.PolicyAttributes.Any(p => ConfigChain.HasTypeAttribute(type, p));
        if (hasPolicy && !hasEpochs && !ConfigChain.HasTypeAttribute(type, symbols.StopAtStep) &&
            type.Locations.FirstOrDefault(static l => l.IsInSource) is { } location)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DefaultEpochBound, location, type.Name, KnownNames.DefaultMaxEpochs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static string ShortName(INamedTypeSymbol attribute) =>
        attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;
}
