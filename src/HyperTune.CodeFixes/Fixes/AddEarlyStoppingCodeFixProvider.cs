using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace HyperTune.CodeFixes.Fixes;

/// <summary>
/// HT0002 at a config: adds <c>[EarlyStopping(patience: N)]</c> to the config type, with the
/// patience the analyzer chose to fit the config (10 when the epochs allow, never one that makes
/// early stopping unreachable or outruns a plateau decay).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddEarlyStoppingCodeFixProvider)), Shared]
public sealed class AddEarlyStoppingCodeFixProvider : SyntaxEditingCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NoValidationMonitor);

    private protected override string? Title(Diagnostic diagnostic, SyntaxNode root) =>
        Patience(diagnostic) is { } patience && ConfigDeclaration(root, diagnostic) is not null
            ? "Add [EarlyStopping(patience: " + patience + ")]"
            : null;

    private protected override void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root)
    {
        if (ConfigDeclaration(root, diagnostic) is not { } declaration || Patience(diagnostic) is not { } patience)
        {
            return;
        }

        var attribute = SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::HyperTune.EarlyStopping"),
                SyntaxFactory.ParseAttributeArgumentList("(patience: " + patience + ")"))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithAdditionalAnnotations(Formatter.Annotation);
        editor.AddAttribute(declaration, list);
    }

    private static string? Patience(Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(DiagnosticProperties.CanAddEarlyStopping) &&
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var patience)
            ? patience
            : null;

    private static TypeDeclarationSyntax? ConfigDeclaration(SyntaxNode root, Diagnostic diagnostic) =>
        FixSyntax.NodeAt(root, diagnostic)?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
}
