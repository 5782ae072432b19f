using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// Registers an analysis of the calls of methods with a given name (<c>Train</c>, <c>Grid</c>) that
/// binds only those calls. An operation or syntax-node action on invocations would make the
/// compiler's analyzer driver build per-declaration analysis data (and operation trees) for every
/// member body of the project; a semantic-model action runs once per file, where a syntax walk (cheap)
/// finds the few calls by name and only they are bound.
/// </summary>
internal static class InvocationFilter
{
    public static void RegisterInvocationsNamed(
        this CompilationStartAnalysisContext context, string methodName, Action<SemanticModelAnalysisContext, IInvocationOperation> action) =>
        context.RegisterSemanticModelAction(c =>
        {
            var root = c.SemanticModel.SyntaxTree.GetRoot(c.CancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation
                    && NameOf(invocation.Expression) == methodName
                    && c.SemanticModel.GetOperation(invocation, c.CancellationToken) is IInvocationOperation operation)
                {
                    action(c, operation);
                }
            }
        });

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
