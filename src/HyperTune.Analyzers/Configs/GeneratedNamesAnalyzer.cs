using System.Collections.Immutable;
using System.Linq;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using HyperTune.Roslyn;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// HT0031: a config named <c>SearchSpace</c> (or <c>Train</c>, when it trains): the generated member
/// of that name cannot live in a type of the same name (CS0542), so the generator emits nothing for it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratedNamesAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConfigNameClash);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols) =>
        context.RegisterSymbolAction(c => Analyze(c, symbols), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.Name is not (KnownNames.SearchSpaceClassName or KnownNames.TrainMethodName) ||
            !symbols.IsGeneratedConfig(type) ||
            type.Locations.FirstOrDefault(static l => l.IsInSource) is not { } location)
        {
            return;
        }

        if (type.Name == KnownNames.TrainMethodName && !Trains(type, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConfigNameClash, location, type.Name));
    }

    private static bool Trains(INamedTypeSymbol type, KnownSymbols symbols) =>
        symbols.PolicyAttributes.Any(p => ConfigChain.HasTypeAttribute(type, p)) ||
        ConfigChain.Properties(type).Any(p => KnownSymbols.Find(p, symbols.Epochs) is not null);
}
