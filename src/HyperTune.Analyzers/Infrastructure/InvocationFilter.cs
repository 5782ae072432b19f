using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// Registers an invocation analysis that binds only calls whose method name matches. An operation
/// action on every invocation would make the compiler build the operation tree of every method body
/// in the project; filtering on the syntax first keeps the cost proportional to the calls of
/// <c>Train</c> or <c>Grid</c>, which are few.
/// </summary>
internal static class InvocationFilter
{
    public static void RegisterInvocationsNamed(
        this CompilationStartAnalysisContext context, string methodName, Action<SyntaxNodeAnalysisContext, IInvocationOperation> action) =>
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var invocation = (InvocationExpressionSyntax)c.Node;
                if (NameOf(invocation.Expression) == methodName
                    && c.SemanticModel.GetOperation(invocation, c.CancellationToken) is IInvocationOperation operation)
                {
                    action(c, operation);
                }
            },
            SyntaxKind.InvocationExpression);

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };
}
