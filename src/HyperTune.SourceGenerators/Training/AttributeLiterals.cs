using System.Globalization;
using System.Linq;
using HyperTune.SourceGenerators.Helpers;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.Training;

/// <summary>
/// Attribute arguments as C# literals, so the emitted code re-creates a policy attribute with
/// exactly the values the user wrote: reals in round-trip form, enums by member name.
/// </summary>
internal static class AttributeLiterals
{
    public static string Of(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return "null";
        }

        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                string element = constant.Type is IArrayTypeSymbol array
                    ? array.ElementType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
                    : "object";
                return $"new {element}[] {{ {string.Join(", ", constant.Values.Select(Of))} }}";
            case TypedConstantKind.Enum:
                return EnumMember(constant);
            default:
                return Primitive(constant.Value);
        }
    }

    private static string EnumMember(TypedConstant constant)
    {
        string type = constant.Type!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var member = constant.Type.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
        return member is not null
            ? type + "." + Literals.Identifier(member.Name)
            : $"({type})({Primitive(constant.Value)})";
    }

    private static string Primitive(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => Literals.String(s),
        char c => Literals.Char(c),
        double d => DoubleLiteral(d),
        float f => float.IsNaN(f) ? "float.NaN" : float.IsPositiveInfinity(f) ? "float.PositiveInfinity" : float.IsNegativeInfinity(f) ? "float.NegativeInfinity" : Literals.Single(f),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "U",
        System.IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string DoubleLiteral(double value) =>
        double.IsNaN(value) ? "double.NaN"
        : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
        : Literals.Double(value);
}
