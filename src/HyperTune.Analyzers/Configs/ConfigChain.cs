using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// The properties and class-level attributes of a config with its base types', as the generator
/// reads them: a derived config tunes and trains with its base's properties too.
/// </summary>
internal static class ConfigChain
{
    /// <summary>The properties of the type and its bases, base first, each name once (a redeclaration replaces the base's): the generator's own rule.</summary>
    public static List<IPropertySymbol> Properties(INamedTypeSymbol type) => HyperTune.SourceGenerators.Configs.ConfigMembers.Properties(type);

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
