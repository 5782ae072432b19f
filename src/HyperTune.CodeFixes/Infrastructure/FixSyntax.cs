using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperTune.CodeFixes.Infrastructure;

/// <summary>Finding the node a diagnostic points at, and the small syntax edits the fixes share.</summary>
internal static class FixSyntax
{
    /// <summary>The innermost node whose span is the diagnostic's.</summary>
    public static SyntaxNode? NodeAt(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return root.FullSpan.Contains(span) ? root.FindNode(span, getInnermostNodeForTie: true) : null;
    }

    /// <summary>
    /// The node to remove for a flagged candidate: the attribute argument that holds it, the
    /// collection-expression element, or the expression itself inside an array initializer.
    /// </summary>
    public static SyntaxNode RemovableCandidate(ExpressionSyntax expression) => expression.Parent switch
    {
        AttributeArgumentSyntax argument => argument,
        ExpressionElementSyntax element => element,
        _ => expression,
    };

    /// <summary>A literal (or any expression text) that replaces another, keeping its trivia.</summary>
    public static ExpressionSyntax Replacement(string text, SyntaxNode replaced) =>
        SyntaxFactory.ParseExpression(text).WithTriviaFrom(replaced);
}
