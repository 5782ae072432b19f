using System.Collections.Immutable;
using System.Linq;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// HT0028: a config in a project compiled below C# 10. Generated code needs C# 10, so the
/// generator emits nothing there; this one diagnostic per config says why, instead of compiler
/// errors inside generated files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LanguageVersionAnalyzer : HyperTuneAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.LanguageVersionTooLow);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (context.Compilation is CSharpCompilation { LanguageVersion: < LanguageVersion.CSharp10 } compilation)
        {
            string version = compilation.LanguageVersion.ToDisplayString();
            context.RegisterSymbolAction(c => Analyze(c, symbols, version), SymbolKind.NamedType);
        }
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols, string version)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.IsGeneratedConfig(type) && type.Locations.FirstOrDefault(static l => l.IsInSource) is { } location)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, location, type.Name, version));
        }
    }
}
