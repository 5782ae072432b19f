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

namespace HyperTune.CodeFixes.Fixes;

/// <summary>
/// HT0007: passes the largest points per range whose grid fits the limit (computed by the analyzer)
/// to <c>SearchSpace.Grid</c>, replacing the argument or adding it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FewerGridPointsCodeFixProvider)), Shared]
public sealed class FewerGridPointsCodeFixProvider : SyntaxEditingCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GridTooLarge);

    private protected override string? Title(Diagnostic diagnostic, SyntaxNode root) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var points) && points is not null
        && Invocation(root, diagnostic) is not null
            ? "Use " + points + " points per range"
            : null;

    private protected override void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root)
    {
        if (Invocation(root, diagnostic) is not { } invocation)
        {
            return;
        }

        var points = SyntaxFactory.ParseExpression(diagnostic.Properties[DiagnosticProperties.Replacement]!);
        var arguments = invocation.ArgumentList;
        var newArguments = arguments.Arguments.FirstOrDefault() is { } first
            ? arguments.ReplaceNode(first.Expression, points.WithTriviaFrom(first.Expression))
            : arguments.AddArguments(SyntaxFactory.Argument(points));
        editor.ReplaceNode(arguments, newArguments);
    }

    private static InvocationExpressionSyntax? Invocation(SyntaxNode root, Diagnostic diagnostic) =>
        FixSyntax.NodeAt(root, diagnostic)?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
}
