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
using Microsoft.CodeAnalysis.Simplification;

namespace HyperTune.CodeFixes.Fixes;

/// <summary>
/// HT0004: explores the range on <c>Scale.Log</c>. An explicit <c>Scale.Linear</c> (or its alias
/// <c>LinearScale</c>) becomes its log counterpart in the same spelling; otherwise the argument is
/// added, written as short as the file's usings allow.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseLogScaleCodeFixProvider)), Shared]
public sealed class UseLogScaleCodeFixProvider : SyntaxEditingCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.LinearScaleAcrossDecades);

    private protected override string? Title(Diagnostic diagnostic, SyntaxNode root) =>
        FixSyntax.NodeAt(root, diagnostic) is null ? null : "Use Scale.Log";

    private protected override void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root)
    {
        var node = FixSyntax.NodeAt(root, diagnostic);
        if (node is null)
        {
            return;
        }

        if (diagnostic.Properties.ContainsKey(DiagnosticProperties.HasScaleArgument) && node is ExpressionSyntax scale)
        {
            editor.ReplaceNode(scale, LogSpelling(scale).WithTriviaFrom(scale));
            return;
        }

        if (node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault() is not { ArgumentList: { } list })
        {
            return;
        }

        var value = SyntaxFactory.ParseExpression("global::HyperTune.Scale.Log").WithAdditionalAnnotations(Simplifier.Annotation);
        var named = list.Arguments.Any(a => a.NameColon is not null);
        var argument = SyntaxFactory.AttributeArgument(nameEquals: null, named ? SyntaxFactory.NameColon("scale") : null, value);

        // Positional arguments go before any `Name = value` property arguments.
        var insertAt = list.Arguments.TakeWhile(a => a.NameEquals is null).Count();
        editor.ReplaceNode(list, list.WithArguments(list.Arguments.Insert(insertAt, argument)));
    }

    /// <summary><c>Scale.Linear</c> to <c>Scale.Log</c>, <c>LinearScale</c> to <c>LogScale</c>, keeping the qualification.</summary>
    private static ExpressionSyntax LogSpelling(ExpressionSyntax scale)
    {
        SimpleNameSyntax? name = scale switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            IdentifierNameSyntax identifier => identifier,
            _ => null,
        };

        var log = name?.Identifier.ValueText switch
        {
            "Linear" => "Log",
            "LinearScale" => "LogScale",
            _ => null,
        };

        if (name is null || log is null)
        {
            return SyntaxFactory.ParseExpression("global::HyperTune.Scale.Log").WithAdditionalAnnotations(Simplifier.Annotation);
        }

        var renamed = SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(log).WithTriviaFrom(name.Identifier));
        return scale.ReplaceNode(name, renamed);
    }
}
