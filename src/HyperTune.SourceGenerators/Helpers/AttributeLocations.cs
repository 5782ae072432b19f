using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperTune.SourceGenerators.Helpers;

/// <summary>Finds where in source an attribute, or one of its arguments, was written, so diagnostics point at it.</summary>
internal static class AttributeLocations
{
    /// <summary>The attribute as written, or <see langword="null"/> when it comes from metadata.</summary>
    public static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    /// <summary>The location of the attribute.</summary>
    public static Location? Of(AttributeData attribute, CancellationToken cancellationToken) =>
        Syntax(attribute, cancellationToken)?.GetLocation();

    /// <summary>The location of positional argument <paramref name="index"/>, or of the attribute.</summary>
    public static Location? OfArgument(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        var syntax = Syntax(attribute, cancellationToken);
        var arguments = syntax?.ArgumentList?.Arguments.Where(static a => a.NameEquals is null).ToList();
        if (arguments is not null && index < arguments.Count)
        {
            return arguments[index].GetLocation();
        }

        return syntax?.GetLocation();
    }

    /// <summary>
    /// The location of element <paramref name="element"/> of a <c>params</c> array that starts at
    /// positional argument <paramref name="paramsIndex"/>, whether written inline or as an array.
    /// </summary>
    public static Location? OfParamsElement(AttributeData attribute, int paramsIndex, int element, CancellationToken cancellationToken)
    {
        var syntax = Syntax(attribute, cancellationToken);
        var arguments = syntax?.ArgumentList?.Arguments.Where(static a => a.NameEquals is null && a.NameColon is null).ToList();
        if (syntax is null || arguments is null)
        {
            return syntax?.GetLocation();
        }

        if (arguments.Count == paramsIndex + 1)
        {
            var initializer = arguments[paramsIndex].Expression switch
            {
                ArrayCreationExpressionSyntax creation => creation.Initializer?.Expressions,
                ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
                _ => null,
            };
            if (initializer is { } expressions)
            {
                return element < expressions.Count ? expressions[element].GetLocation() : arguments[paramsIndex].GetLocation();
            }
        }

        int index = paramsIndex + element;
        return index < arguments.Count ? arguments[index].GetLocation() : syntax.GetLocation();
    }
}
