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

/// <summary>HT0002 at a config: adds <c>[EarlyStopping(patience: 10)]</c> to the config type.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddEarlyStoppingCodeFixProvider)), Shared]
public sealed class AddEarlyStoppingCodeFixProvider : SyntaxEditingCodeFixProvider
{
    /// <summary>Keras' documentation example and a common default: ten epochs without improvement.</summary>
    private const int Patience = 10;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NoValidationMonitor);

    private protected override string? Title(Diagnostic diagnostic, SyntaxNode root) =>
        diagnostic.Properties.ContainsKey(DiagnosticProperties.CanAddEarlyStopping) && ConfigDeclaration(root, diagnostic) is not null
            ? "Add [EarlyStopping(patience: " + Patience + ")]"
            : null;

    private protected override void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root)
    {
        if (ConfigDeclaration(root, diagnostic) is not { } declaration)
        {
            return;
        }

        var attribute = SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("global::HyperTune.EarlyStopping"),
                SyntaxFactory.ParseAttributeArgumentList("(patience: " + Patience + ")"))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithAdditionalAnnotations(Formatter.Annotation);
        editor.AddAttribute(declaration, list);
    }

    private static TypeDeclarationSyntax? ConfigDeclaration(SyntaxNode root, Diagnostic diagnostic) =>
        FixSyntax.NodeAt(root, diagnostic)?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
}
