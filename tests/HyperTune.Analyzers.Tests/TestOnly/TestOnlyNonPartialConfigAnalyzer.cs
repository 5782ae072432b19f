using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// A test double, never shipped: release tracking (RS2008) and the shipping-analyzer project rules
// (RS1036) apply to the analyzers in src/, not to this stand-in.
#pragma warning disable RS2008, RS1036

namespace HyperTune.Analyzers.Tests.TestOnly;

/// <summary>
/// TEST ONLY, not shipped: stands in for the source generator, which reports HT0008 (a config type,
/// or one of its containing types, that is not partial) in the real product. It exists so the
/// HT0008 code fix can be tested before the generator's work is merged; once it is, these tests can
/// take the diagnostic from the generator instead. Reports at the config's first HyperTune attribute
/// (the generator's documented location) or, in the second flavour, at the type's name.
/// </summary>
public abstract class TestOnlyNonPartialConfigAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "HT0008", "Config type is not partial (test stand-in)", "'{0}' must be partial", "HyperTune.Test", DiagnosticSeverity.Error, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    protected abstract bool ReportAtTypeName { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
    }

    private void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetMembers().OfType<IPropertySymbol>()
            .SelectMany(p => p.GetAttributes())
            .FirstOrDefault(a => a.AttributeClass?.ContainingNamespace.Name == "HyperTune");
        if (attribute is null || AllPartial(type))
        {
            return;
        }

        var location = ReportAtTypeName
            ? type.Locations[0]
            : attribute.ApplicationSyntaxReference!.GetSyntax(context.CancellationToken).GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, location, type.Name));
    }

    private static bool AllPartial(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

/// <summary>TEST ONLY: HT0008 at the config's attribute.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TestOnlyNonPartialConfigAtAttributeAnalyzer : TestOnlyNonPartialConfigAnalyzer
{
    protected override bool ReportAtTypeName => false;
}

/// <summary>TEST ONLY: HT0008 at the config's name.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TestOnlyNonPartialConfigAtTypeNameAnalyzer : TestOnlyNonPartialConfigAnalyzer
{
    protected override bool ReportAtTypeName => true;
}
