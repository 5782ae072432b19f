using System.Collections.Immutable;
using System.Composition;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace HyperTune.CodeFixes.Fixes;

/// <summary>
/// Removes a flagged candidate from its list: a batch size above the limit (HT0001), of 1 (HT0020)
/// or below 1 (HT0026), a hidden-layer count above the limit (HT0006), a repeated or non-finite
/// candidate of a dimension (HT0014), a repeated <c>[ActiveWhen]</c> value (HT0023).
/// Offered only when the analyzer says a valid candidate remains.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveCandidateCodeFixProvider)), Shared]
public sealed class RemoveCandidateCodeFixProvider : SyntaxEditingCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.BatchSizeTooLarge, DiagnosticIds.TooManyHiddenLayers, DiagnosticIds.BatchSizeOne,
        DiagnosticIds.DuplicateCandidate, DiagnosticIds.BatchSizeBelowOne, DiagnosticIds.InvalidCandidates);

    private protected override string? Title(Diagnostic diagnostic, SyntaxNode root) =>
        diagnostic.Properties.ContainsKey(DiagnosticProperties.CanRemove) && FixSyntax.NodeAt(root, diagnostic) is ExpressionSyntax expression
            ? "Remove candidate " + expression.ToString()
            : null;

    private protected override void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root)
    {
        if (FixSyntax.NodeAt(root, diagnostic) is ExpressionSyntax expression)
        {
            editor.RemoveNode(FixSyntax.RemovableCandidate(expression));
        }
    }
}
