using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// Maps the values of an <see cref="AttributeData"/> back to the argument expressions that wrote
/// them, so a diagnostic lands on the argument at fault: positional, <c>name:</c> and
/// <c>Name =</c> arguments, and each element of a <c>params</c> array whether written expanded
/// (<c>[BatchSize(32, 64)]</c>) or as an array (<c>new[] { 32, 64 }</c>, <c>[32, 64]</c>).
/// Syntax only: no semantic model is needed.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly AttributeSyntax? _syntax;
    private readonly IMethodSymbol? _constructor;

    private AttributeArguments(AttributeData data, AttributeSyntax? syntax)
    {
        Data = data;
        _syntax = syntax;
        _constructor = data.AttributeConstructor;
    }

    public AttributeData Data { get; }

    /// <summary>The attribute's syntax, or <see langword="null"/> for an attribute from metadata.</summary>
    public AttributeSyntax? Syntax => _syntax;

    public static AttributeArguments For(AttributeData data, CancellationToken cancellationToken) =>
        new(data, data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);

    /// <summary>The whole attribute's location (the fallback when no argument is at fault).</summary>
    public Location AttributeLocation => _syntax?.GetLocation() ?? Location.None;

    /// <summary>The value of the constructor parameter with this name, or <see langword="null"/>.</summary>
    public TypedConstant? Constructor(string parameterName)
    {
        var ordinal = Ordinal(parameterName);
        return ordinal < 0 || ordinal >= Data.ConstructorArguments.Length ? null : Data.ConstructorArguments[ordinal];
    }

    /// <summary>The value of a named property argument, or <see langword="null"/> when it is not written.</summary>
    public TypedConstant? Named(string name)
    {
        foreach (var pair in Data.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The expression written for a constructor parameter (not a <c>params</c> one).</summary>
    public ExpressionSyntax? ConstructorExpression(string parameterName)
    {
        var ordinal = Ordinal(parameterName);
        if (ordinal < 0 || _syntax?.ArgumentList is not { } list || _constructor is null)
        {
            return null;
        }

        var position = 0;
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } nameColon)
            {
                if (nameColon.Name.Identifier.ValueText == parameterName)
                {
                    return argument.Expression;
                }
            }
            else if (position == ordinal)
            {
                return argument.Expression;
            }

            position++;
        }

        return null;
    }

    /// <summary>The expressions of the elements of a <c>params</c> (or array) parameter, in order.</summary>
    public IReadOnlyList<ExpressionSyntax> ElementExpressions(string parameterName)
    {
        var ordinal = Ordinal(parameterName);
        var result = new List<ExpressionSyntax>();
        if (ordinal < 0 || _syntax?.ArgumentList is not { } list)
        {
            return result;
        }

        var position = 0;
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            var matches = argument.NameColon is { } nameColon
                ? nameColon.Name.Identifier.ValueText == parameterName
                : position >= ordinal;
            if (matches)
            {
                result.Add(argument.Expression);
            }

            position++;
        }

        // A single argument that is itself an array is the array, not its first element.
        if (result.Count == 1 && ArrayElements(result[0]) is { } elements)
        {
            return elements;
        }

        return result;
    }

    /// <summary>The expression of a named property argument (<c>Name = value</c>), or <see langword="null"/>.</summary>
    public ExpressionSyntax? NamedExpression(string name)
    {
        if (_syntax?.ArgumentList is not { } list)
        {
            return null;
        }

        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is { } nameEquals && nameEquals.Name.Identifier.ValueText == name)
            {
                return argument.Expression;
            }
        }

        return null;
    }

    /// <summary>The location of an expression, or of the whole attribute when the expression is unknown.</summary>
    public Location LocationOf(SyntaxNode? node) => node?.GetLocation() ?? AttributeLocation;

    public static IReadOnlyList<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection => CollectionElements(collection),
        _ => null,
    };

    private static IReadOnlyList<ExpressionSyntax> CollectionElements(CollectionExpressionSyntax collection)
    {
        var result = new List<ExpressionSyntax>();
        foreach (var element in collection.Elements)
        {
            if (element is ExpressionElementSyntax expressionElement)
            {
                result.Add(expressionElement.Expression);
            }
        }

        return result;
    }

    private int Ordinal(string parameterName)
    {
        if (_constructor is null)
        {
            return -1;
        }

        foreach (var parameter in _constructor.Parameters)
        {
            if (parameter.Name == parameterName)
            {
                return parameter.Ordinal;
            }
        }

        return -1;
    }
}
