using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>Reading and writing the constants of attribute arguments, always in the invariant culture.</summary>
internal static class Constants
{
    /// <summary>The value as a <see cref="double"/>, or <see langword="null"/> when it is not numeric.</summary>
    public static double? AsDouble(TypedConstant? constant) =>
        constant is { Kind: TypedConstantKind.Primitive or TypedConstantKind.Enum, Value: { } value } && IsNumber(value)
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The value as a <see cref="long"/>, or <see langword="null"/> when it is not an integer.</summary>
    public static long? AsInteger(TypedConstant? constant) =>
        constant is { Kind: TypedConstantKind.Primitive or TypedConstantKind.Enum, Value: { } value } && IsInteger(value)
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The elements of an array argument (empty when the argument is not an array).</summary>
    public static IReadOnlyList<TypedConstant> Elements(TypedConstant? constant) =>
        constant is { Kind: TypedConstantKind.Array, IsNull: false } array ? array.Values : Array.Empty<TypedConstant>();

    /// <summary>Whether two candidate constants are the same value (numbers compared by value, enums by member).</summary>
    public static bool SameValue(TypedConstant a, TypedConstant b)
    {
        if (a.IsNull || b.IsNull)
        {
            return a.IsNull && b.IsNull;
        }

        if (a.Kind == TypedConstantKind.Array || b.Kind == TypedConstantKind.Array)
        {
            return false;
        }

        if (a.Value is { } x && b.Value is { } y && IsNumber(x) && IsNumber(y))
        {
            var enumA = a.Kind == TypedConstantKind.Enum ? a.Type : null;
            var enumB = b.Kind == TypedConstantKind.Enum ? b.Type : null;
            return SymbolEqualityComparer.Default.Equals(enumA, enumB)
                && Convert.ToDouble(x, CultureInfo.InvariantCulture).Equals(Convert.ToDouble(y, CultureInfo.InvariantCulture));
        }

        return Equals(a.Value, b.Value);
    }

    /// <summary>A number as a user would write it in C#: invariant, shortest round-trip form.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in the invariant culture.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double as a C# literal that reads as a double (<c>1.0</c>, not <c>1</c>).</summary>
    public static string DoubleLiteral(double value)
    {
        var text = Format(value);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    /// <summary>A candidate for a message: enum members by name, strings quoted, numbers invariant.</summary>
    public static string Display(TypedConstant constant)
    {
        if (constant.IsNull)
        {
            return "null";
        }

        if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol enumType)
        {
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
                {
                    return enumType.Name + "." + field.Name;
                }
            }
        }

        return constant.Value switch
        {
            string text => "\"" + text + "\"",
            double number => Format(number),
            float number => Format(number),
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            { } other => other.ToString() ?? string.Empty,
            null => "null",
        };
    }

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long || (value is ulong u && u <= long.MaxValue);

    private static bool IsNumber(object value) => IsInteger(value) || value is float or double or decimal;
}
