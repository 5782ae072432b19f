using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// The properties and class-level attributes of a config with its base types', as the generator
/// reads them: a derived config tunes and trains with its base's properties too.
/// </summary>
internal static class ConfigChain
{
    /// <summary>The properties of the type and its bases, base first, each name once (a redeclaration replaces the base's).</summary>
    public static List<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Push(current);
        }

        var properties = new List<IPropertySymbol>();
        var index = new Dictionary<string, int>();
        foreach (var declaring in chain)
        {
            foreach (var member in declaring.GetMembers())
            {
                if (member is not IPropertySymbol property)
                {
                    continue;
                }

                if (index.TryGetValue(property.Name, out int at))
                {
                    properties[at] = property;
                }
                else
                {
                    index.Add(property.Name, properties.Count);
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    /// <summary>Whether the type or a base type carries an attribute of the given type.</summary>
    public static bool HasTypeAttribute(INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (Infrastructure.KnownSymbols.Find(current, attributeType) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
