using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Configs;

/// <summary>
/// The properties of a config that the generator reads, its base types' included: a derived config
/// tunes its base's dimensions too, and trains with its own values.
/// </summary>
internal static class ConfigMembers
{
    /// <summary>
    /// The instance and static properties of <paramref name="type"/> and of its base types, base
    /// first, each name once: a property a derived type redeclares (<c>override</c> or <c>new</c>)
    /// takes the place of the base's.
    /// </summary>
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

    /// <summary>The property of a name among <see cref="Properties"/>, or <see langword="null"/>.</summary>
    public static IPropertySymbol? Find(List<IPropertySymbol> properties, string? name) =>
        name is null ? null : properties.Find(p => p.Name == name);

    /// <summary>The class-level attributes of <paramref name="type"/> and of its base types, most derived first.</summary>
    public static IEnumerable<AttributeData> TypeAttributes(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                yield return attribute;
            }
        }
    }
}
