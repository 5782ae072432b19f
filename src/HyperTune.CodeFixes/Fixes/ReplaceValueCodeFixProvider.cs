using System.Collections.Immutable;
using System.Composition;
using HyperTune.Analyzers.Diagnostics;
using HyperTune.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace HyperTune.CodeFixes.Fixes;

/// <summary>
/// Writes the value the analyzer computed in place of the flagged one: a clamped bound (HT0001,
/// HT0003, HT0006, HT0022, HT0025), a patience or start epoch that lets early stopping act (HT0005),
/// a plateau patience that cuts before early stopping stops (HT0009, added as <c>Patience = n</c>
/// when it was left to its default).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceValueCodeFixProvider)), Shared]
public sealed class ReplaceValueCodeFixProvider : SyntaxEditingCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.BatchSizeTooLarge, DiagnosticIds.LearningRateOutOfRange, DiagnosticIds.EarlyStoppingNeverTriggers,
        DiagnosticIds.TooManyHiddenLayers, DiagnosticIds.PlateauDecayCannotAct, DiagnosticIds.MomentumNotBelowOne,
        DiagnosticIds.DropoutOutOfRange);

    private protected override string? Title(Diagnostic diagnostic, SyntaxNode root)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null)
        {
            return null;
        }

        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.NamedArgumentToAdd, out var name) && name is not null)
        {
            return FixSyntax.NodeAt(root, diagnostic) is AttributeSyntax ? "Set " + name + " to " + replacement : null;
        }

        return FixSyntax.NodeAt(root, diagnostic) switch
        {
            ExpressionSyntax { Parent: AttributeArgumentSyntax { NameEquals: { } nameEquals } } =>
                "Set " + nameEquals.Name.Identifier.ValueText + " to " + replacement,
            ExpressionSyntax { Parent: AttributeArgumentSyntax { NameColon: { } nameColon } } =>
                "Set " + nameColon.Name.Identifier.ValueText + " to " + replacement,
            ExpressionSyntax => "Change to " + replacement,
            _ => null,
        };
    }

    private protected override void Edit(DocumentEditor editor, Diagnostic diagnostic, SyntaxNode root)
    {
        var replacement = diagnostic.Properties[DiagnosticProperties.Replacement]!;
        var node = FixSyntax.NodeAt(root, diagnostic);
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.NamedArgumentToAdd, out var name) && name is not null)
        {
            if (node is AttributeSyntax attribute)
            {
                var argument = SyntaxFactory.AttributeArgument(
                    SyntaxFactory.NameEquals(name), nameColon: null, SyntaxFactory.ParseExpression(replacement));
                editor.ReplaceNode(attribute, (current, _) =>
                {
                    var currentAttribute = (AttributeSyntax)current;
                    var list = currentAttribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
                    return currentAttribute.WithArgumentList(list.AddArguments(argument));
                });
            }

            return;
        }

        if (node is ExpressionSyntax expression)
        {
            editor.ReplaceNode(expression, FixSyntax.Replacement(replacement, expression));
        }
    }
}
