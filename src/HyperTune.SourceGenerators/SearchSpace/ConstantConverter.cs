using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.SearchSpace.Model;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.SearchSpace;

/// <summary>
/// Converts an attribute's constant to a candidate of a property's type: exactly, or not at all.
/// Numbers convert when no information is lost (<c>2</c> to <c>2.0</c>, <c>0.5</c> to <c>0.5f</c>,
/// but not <c>0.1</c> to a float); strings, chars, booleans and enum members must match the type.
/// </summary>
internal static class ConstantConverter
{
    /// <summary>Whether a property of this type can be a categorical dimension.</summary>
    public static bool IsSupported(ITypeSymbol type)
    {
        var underlying = Underlying(type, out _);
        return underlying.TypeKind == TypeKind.Enum || underlying.SpecialType switch
        {
            SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_String or
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
            SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or
            SpecialType.System_Single or SpecialType.System_Double => true,
            _ => false,
        };
    }

    /// <summary>Converts <paramref name="constant"/> to <paramref name="target"/>, or says why it cannot.</summary>
    public static bool TryConvert(TypedConstant constant, ITypeSymbol target, out CandidateSpec candidate, out string error)
    {
        if (TryConvertCore(constant, target, out candidate, out string? specific))
        {
            error = string.Empty;
            return true;
        }

        // Messages are built only on failure: conversions run for every candidate on every edit.
        string targetName = target.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        string sourceName = constant.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "a constant";
        error = specific?.Replace("{target}", targetName) ?? $"{Describe(constant)} is {sourceName}, not a value of {targetName}";
        return false;
    }

    private static bool TryConvertCore(TypedConstant constant, ITypeSymbol target, out CandidateSpec candidate, out string? error)
    {
        candidate = null!;
        error = null;
        var type = Underlying(target, out bool allowsNull);
        const string targetName = "{target}";
        if (constant.Kind == TypedConstantKind.Array)
        {
            error = "an array cannot be a candidate";
            return false;
        }

        if (constant.IsNull)
        {
            if (!allowsNull)
            {
                error = $"null is not a value of {targetName}";
                return false;
            }

            candidate = new CandidateSpec("null", "null", "null");
            return true;
        }

        object value = constant.Value!;

        if (type.TypeKind == TypeKind.Enum)
        {
            if (constant.Kind != TypedConstantKind.Enum || !SymbolEqualityComparer.Default.Equals(constant.Type, type))
            {
                return false;
            }

            string typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            string number = Convert.ToString(value, CultureInfo.InvariantCulture)!;
            var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value));
            candidate = member is null
                ? new CandidateSpec($"({typeName})({number})", number, "enum:" + number)
                : new CandidateSpec(typeName + "." + Literals.Identifier(member.Name), member.Name, "enum:" + number);
            return true;
        }

        if (constant.Kind != TypedConstantKind.Primitive)
        {
            return false;
        }

        if (IntegerRange(type.SpecialType) is { } range && TryGetInteger(value, out var integer))
        {
            if (integer < range.Min || integer > range.Max)
            {
                error = $"{Describe(constant)} is outside the range of {targetName}";
                return false;
            }

            string digits = integer.ToString(CultureInfo.InvariantCulture);
            string literal = range.Cast ? $"({type.ToDisplayString()})({digits})" : digits + range.Suffix;
            candidate = new CandidateSpec(literal, digits, "integer:" + digits);
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean when value is bool flag:
                candidate = new CandidateSpec(flag ? "true" : "false", flag ? "true" : "false", flag ? "bool:true" : "bool:false");
                return true;
            case SpecialType.System_String when value is string text:
                candidate = new CandidateSpec(Literals.String(text), Literals.String(text), "string:" + Literals.String(text));
                return true;
            case SpecialType.System_Char when value is char character:
                candidate = new CandidateSpec(Literals.Char(character), Literals.Char(character), "char:" + ((int)character).ToString(CultureInfo.InvariantCulture));
                return true;
            case SpecialType.System_Double when TryGetReal(value, out double real) && IsExactDouble(value, real):
                candidate = new CandidateSpec(Literals.Double(real), Literals.DisplayDouble(real), "real:" + Literals.DoubleKey(real));
                return true;
            case SpecialType.System_Single when TryGetReal(value, out double real) && IsExactSingle(value, real):
                float single = (float)real;
                candidate = new CandidateSpec(Literals.Single(single), Literals.DisplayDouble(single), "real:" + Literals.DoubleKey(single));
                return true;
            default:
                return false;
        }
    }

    /// <summary>How a message shows a constant as written.</summary>
    public static string Describe(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Enum && constant.Type is { } enumType &&
            enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value)) is { } member)
        {
            return enumType.Name + "." + member.Name;
        }

        return DescribeValue(constant);
    }

    private static string DescribeValue(TypedConstant constant) => constant.IsNull ? "null" : constant.Value switch
    {
        string text => Literals.String(text),
        char character => Literals.Char(character),
        bool flag => flag ? "true" : "false",
        double real => Literals.DisplayDouble(real),
        float real => Literals.DisplayDouble(real),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        { } other => other.ToString() ?? string.Empty,
        null => "null",
    };

    private static ITypeSymbol Underlying(ITypeSymbol type, out bool allowsNull)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            allowsNull = true;
            return nullable.TypeArguments[0];
        }

        allowsNull = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
        return type;
    }

    private static (BigInteger Min, BigInteger Max, string Suffix, bool Cast)? IntegerRange(SpecialType type) => type switch
    {
        SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue, string.Empty, true),
        SpecialType.System_Byte => (byte.MinValue, byte.MaxValue, string.Empty, true),
        SpecialType.System_Int16 => (short.MinValue, short.MaxValue, string.Empty, true),
        SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue, string.Empty, true),
        SpecialType.System_Int32 => (int.MinValue, int.MaxValue, string.Empty, false),
        SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue, "U", false),
        SpecialType.System_Int64 => (long.MinValue, long.MaxValue, "L", false),
        SpecialType.System_UInt64 => (ulong.MinValue, ulong.MaxValue, "UL", false),
        _ => null,
    };

    private static bool TryGetInteger(object value, out BigInteger integer)
    {
        switch (value)
        {
            case sbyte or byte or short or ushort or int or uint or long:
                integer = new BigInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return true;
            case ulong large:
                integer = new BigInteger(large);
                return true;
            case double or float when TryGetReal(value, out double real) && !double.IsInfinity(real) && !double.IsNaN(real) && Math.Floor(real) == real:
                integer = new BigInteger(real);
                return true;
            default:
                integer = default;
                return false;
        }
    }

    private static bool TryGetReal(object value, out double real)
    {
        switch (value)
        {
            case double d:
                real = d;
                return true;
            case float f:
                real = f;
                return true;
            case sbyte or byte or short or ushort or int or uint or long or ulong:
                real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            default:
                real = 0;
                return false;
        }
    }

    private static bool IsExactDouble(object source, double real) => source switch
    {
        double or float => true,
        ulong large => !double.IsInfinity(real) && new BigInteger(real) == new BigInteger(large),
        _ => new BigInteger(real) == new BigInteger(Convert.ToInt64(source, CultureInfo.InvariantCulture)),
    };

    private static bool IsExactSingle(object source, double real)
    {
        float single = (float)real;
        if (double.IsNaN(real))
        {
            return true;
        }

        if (float.IsInfinity(single) && !double.IsInfinity(real))
        {
            return false;
        }

        return (double)single == real && IsExactDouble(source, real);
    }
}
