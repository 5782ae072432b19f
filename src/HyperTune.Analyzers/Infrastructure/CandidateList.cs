using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// The values of a candidates (<c>params</c>) parameter, each with the argument that wrote it, so a
/// diagnostic lands on the candidate at fault.
/// </summary>
internal sealed class CandidateList
{
    private readonly AttributeArguments _arguments;
    private readonly string _parameter;
    private IReadOnlyList<ExpressionSyntax>? _expressions;

    public CandidateList(AttributeArguments arguments, string parameter)
    {
        _arguments = arguments;
        _parameter = parameter;
        Values = Constants.Elements(arguments.Constructor(parameter));
    }

    public IReadOnlyList<TypedConstant> Values { get; }

    /// <summary>
    /// The location of the candidate at <paramref name="index"/>, or of the whole attribute when the
    /// written elements do not line up with the values (the expressions are found only when asked for).
    /// </summary>
    public Location LocationOf(int index)
    {
        var expressions = _expressions ??= _arguments.ElementExpressions(_parameter);
        return _arguments.LocationOf(expressions.Count == Values.Count ? expressions[index] : null);
    }
}
