using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs;
using HyperTune.SourceGenerators.Diagnostics;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.SearchSpace.Model;
using Microsoft.CodeAnalysis;

namespace HyperTune.SourceGenerators.SearchSpace;

/// <summary>
/// Reads the dimension attributes of a config's properties into a <see cref="SearchSpaceSpec"/>,
/// reporting whatever cannot be generated at the attribute (or argument) that causes it.
/// </summary>
internal static class SearchSpaceParser
{
    private const double MaxExactInteger = 9007199254740992; // 2^53: the largest integer every double bound holds exactly.

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Parses the search space, or gives <see langword="null"/> when an error leaves nothing valid to generate.</summary>
    public static SearchSpaceSpec? Parse(INamedTypeSymbol type, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        int errorsBefore = diagnostics.Count;
        var dimensions = new List<DimensionSpec>();
        var fixedSettings = new List<FixedSettingSpec>();
        var fixedCandidates = new Dictionary<string, CandidateSpec>();
        var conditions = new List<(int Dimension, AttributeData Attribute)>();
        var conditionOnNonDimension = new List<(IPropertySymbol Property, AttributeData Attribute)>();
        var properties = ConfigMembers.Properties(type);
        EpochsSpec? epochs = null;

        foreach (var property in properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = property.GetAttributes().Where(ConfigParser.IsRecognised).ToList();
            var dimensionAttributes = attributes.Where(static a => ConfigParser.RecognisedName(a) != KnownNames.ActiveWhenAttribute).ToList();
            var activeWhen = attributes.FirstOrDefault(static a => ConfigParser.RecognisedName(a) == KnownNames.ActiveWhenAttribute);
            if (dimensionAttributes.Count == 0)
            {
                if (activeWhen is not null)
                {
                    conditionOnNonDimension.Add((property, activeWhen));
                }

                continue;
            }

            if (dimensionAttributes.Count > 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.SeveralDimensionAttributes,
                    AttributeLocations.Of(dimensionAttributes[1], cancellationToken),
                    property.Name,
                    ShortName(dimensionAttributes[0]),
                    ShortName(dimensionAttributes[1])));
                continue;
            }

            var attribute = dimensionAttributes[0];
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Any(static a => a.Kind == TypedConstantKind.Error))
            {
                continue; // The compiler reports the malformed attribute itself.
            }

            if (property.Type.TypeKind == TypeKind.Error)
            {
                continue; // The compiler reports the unknown type itself.
            }

            if (!CheckAccessors(type, compilation, property, attribute, diagnostics, cancellationToken))
            {
                continue;
            }

            var context = new AttributeContext(property, attribute, ShortName(attribute), diagnostics, cancellationToken);
            if (ConfigParser.RecognisedName(attribute) == KnownNames.EpochsAttribute)
            {
                epochs = ParseEpochs(context) ?? epochs;
                if (activeWhen is not null)
                {
                    conditionOnNonDimension.Add((property, activeWhen));
                }

                continue;
            }

            switch (ParseDimension(context))
            {
                case DimensionSpec dimension:
                    if (activeWhen is not null)
                    {
                        conditions.Add((dimensions.Count, activeWhen));
                    }

                    dimensions.Add(dimension);
                    break;
                case FixedResult(var setting, var candidate):
                    // A fixed setting is always set: a condition on it has nothing to switch.
                    fixedSettings.Add(setting);
                    if (candidate is not null)
                    {
                        fixedCandidates[setting.Name] = candidate;
                    }

                    break;
            }
        }

        foreach (var (property, attribute) in conditionOnNonDimension)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidCondition,
                AttributeLocations.Of(attribute, cancellationToken),
                property.Name,
                $"'{property.Name}' is not a tuned dimension; put [ActiveWhen] on a property that has a dimension attribute"));
        }

        var neverActive = new HashSet<int>();
        foreach (var (index, attribute) in conditions)
        {
            switch (ParseCondition(type, properties, dimensions, fixedCandidates, index, attribute, diagnostics, cancellationToken))
            {
                case ConditionSpec condition:
                    dimensions[index] = dimensions[index] with { Condition = condition };
                    break;
                case false:
                    neverActive.Add(index); // Depends on a fixed setting it never matches: never tuned.
                    break;
            }
        }

        if (diagnostics.Skip(errorsBefore).Any(static d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return null;
        }

        if (neverActive.Count > 0)
        {
            dimensions = RemoveDimensions(dimensions, neverActive);
        }

        var array = dimensions.ToArray();
        return new SearchSpaceSpec(array.ToEquatableArray(), LoopOrder(array).ToEquatableArray(), fixedSettings.ToEquatableArray(), epochs, Fingerprint.Compute(array));
    }

    /// <summary>Drops dimensions, renumbering the conditions of the others (which never depend on a dropped one: only categorical, unconditional dimensions are parents).</summary>
    private static List<DimensionSpec> RemoveDimensions(List<DimensionSpec> dimensions, HashSet<int> removed)
    {
        var newIndex = new int[dimensions.Count];
        var kept = new List<DimensionSpec>();
        for (int i = 0; i < dimensions.Count; i++)
        {
            newIndex[i] = removed.Contains(i) ? -1 : kept.Count;
            if (!removed.Contains(i))
            {
                kept.Add(dimensions[i]);
            }
        }

        return kept.Select(d => d.Condition is { } c ? d with { Condition = c with { ParentIndex = newIndex[c.ParentIndex] } } : d).ToList();
    }

    private static bool CheckAccessors(INamedTypeSymbol type, Compilation compilation, IPropertySymbol property, AttributeData attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        string? problem = property switch
        {
            { IsStatic: true } => "is static: a dimension must be an instance property",
            { IsIndexer: true } => "is an indexer: a dimension must be an ordinary property",
            { GetMethod: null } or { SetMethod: null } => "needs both a getter and a setter (set or init): generated code reads and writes every dimension",
            _ when !compilation.IsSymbolAccessibleWithin(property.GetMethod!, type) || !compilation.IsSymbolAccessibleWithin(property.SetMethod!, type) =>
                $"has an accessor that '{type.Name}' cannot use (private in the base type '{property.ContainingType.Name}'): generated code reads and writes every dimension; make it protected",
            _ => null,
        };
        if (problem is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.ConfigNotConstructible,
            AttributeLocations.Of(attribute, cancellationToken),
            type.Name + "." + property.Name,
            problem));
        return false;
    }

    private static EpochsSpec? ParseEpochs(AttributeContext context)
    {
        if (context.Property.Type.SpecialType != SpecialType.System_Int32)
        {
            context.Report(DiagnosticDescriptors.TypeMismatch, null, $"[Epochs] needs an int property, but '{context.Property.Name}' is {TypeName(context.Property.Type)}");
            return null;
        }

        int max = (int)context.Attribute.ConstructorArguments[0].Value!;
        if (max < 1)
        {
            context.Report(DiagnosticDescriptors.InvalidBounds, 0, $"the maximum number of epochs is {max}, but must be at least 1");
            return null;
        }

        return new EpochsSpec(Literals.Identifier(context.Property.Name), max);
    }

    /// <summary>A <see cref="DimensionSpec"/>, a fixed setting (with its candidate, for a categorical one), or <see langword="null"/> after a diagnostic.</summary>
    private static object? ParseDimension(AttributeContext context)
    {
        string? attributeName = ConfigParser.RecognisedName(context.Attribute);
        var arguments = context.Attribute.ConstructorArguments;
        var propertyType = context.Property.Type;
        switch (attributeName)
        {
            case KnownNames.LearningRateAttribute or KnownNames.MomentumAttribute or KnownNames.WeightDecayAttribute or KnownNames.DropoutAttribute or KnownNames.RangeAttribute
                or KnownNames.AdamBeta1Attribute or KnownNames.AdamBeta2Attribute or KnownNames.AdamEpsilonAttribute or KnownNames.HiddenShrinkAttribute:
            {
                bool general = attributeName == KnownNames.RangeAttribute;
                var kind = ValueKindOf(propertyType);
                if (kind is not (ValueKind.Double or ValueKind.Single) && !(general && kind is ValueKind.Int32 or ValueKind.Int64))
                {
                    string allowed = general ? "a double, float, int or long property" : "a double or float property";
                    context.Report(DiagnosticDescriptors.TypeMismatch, null, $"[{context.Name}] needs {allowed}, but '{context.Property.Name}' is {TypeName(propertyType)}");
                    return null;
                }

                return arguments.Length == 1
                    ? ParseRange(context, (double)arguments[0].Value!, (double)arguments[0].Value!, null, kind)
                    : ParseRange(context, (double)arguments[0].Value!, (double)arguments[1].Value!, arguments[2].Value, kind);
            }

            case KnownNames.HiddenLayersAttribute or KnownNames.HiddenUnitsAttribute:
            {
                var kind = ValueKindOf(propertyType);
                if (kind is not (ValueKind.Int32 or ValueKind.Int64))
                {
                    context.Report(DiagnosticDescriptors.TypeMismatch, null, $"[{context.Name}] needs an int or long property, but '{context.Property.Name}' is {TypeName(propertyType)}");
                    return null;
                }

                return arguments.Length == 3
                    ? ParseRange(context, (int)arguments[0].Value!, (int)arguments[1].Value!, arguments[2].Value, kind)
                    : ParseCandidates(context, arguments[0]);
            }

            case KnownNames.BatchSizeAttribute:
                if (ValueKindOf(propertyType) is not (ValueKind.Int32 or ValueKind.Int64))
                {
                    context.Report(DiagnosticDescriptors.TypeMismatch, null, $"[{context.Name}] needs an int or long property, but '{context.Property.Name}' is {TypeName(propertyType)}");
                    return null;
                }

                return ParseCandidates(context, arguments[0]);

            case KnownNames.OptimizerAttribute:
                if (propertyType is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named || ConfigParser.FullName(named) != KnownNames.OptimizerKind)
                {
                    context.Report(DiagnosticDescriptors.TypeMismatch, null, $"[{context.Name}] needs an OptimizerKind property, but '{context.Property.Name}' is {TypeName(propertyType)}");
                    return null;
                }

                return ParseCandidates(context, arguments[0]);

            case KnownNames.ChoiceAttribute:
                if (!ConstantConverter.IsSupported(propertyType))
                {
                    context.Report(DiagnosticDescriptors.TypeMismatch, null, $"[Choice] supports properties of numeric, string, char, bool and enum types, but '{context.Property.Name}' is {TypeName(propertyType)}");
                    return null;
                }

                return ParseCandidates(context, arguments[0]);

            default:
                return null;
        }
    }

    private static object? ParseRange(AttributeContext context, double a, double b, object? scaleValue, ValueKind kind)
    {
        bool ok = true;
        foreach (var (bound, index) in new[] { (a, 0), (b, 1) })
        {
            if (double.IsNaN(bound) || double.IsInfinity(bound))
            {
                context.Report(DiagnosticDescriptors.InvalidBounds, index, $"the bound {Literals.DisplayDouble(bound)} is not a finite number");
                ok = false;
            }
            else if (kind is ValueKind.Int32 or ValueKind.Int64 && Math.Floor(bound) != bound)
            {
                context.Report(DiagnosticDescriptors.InvalidBounds, index, $"the bound {Literals.DisplayDouble(bound)} is not an integer, but '{context.Property.Name}' is {TypeName(context.Property.Type)}");
                ok = false;
            }
            else if (kind == ValueKind.Int32 && (bound < int.MinValue || bound > int.MaxValue))
            {
                context.Report(DiagnosticDescriptors.InvalidBounds, index, $"the bound {Literals.DisplayDouble(bound)} is outside the range of int");
                ok = false;
            }
            else if (kind == ValueKind.Int64 && Math.Abs(bound) > MaxExactInteger)
            {
                context.Report(DiagnosticDescriptors.InvalidBounds, index, $"the bound {Literals.DisplayDouble(bound)} is beyond ±2^53, the largest integers a double bound holds exactly");
                ok = false;
            }
            else if (kind == ValueKind.Single && float.IsInfinity((float)bound))
            {
                context.Report(DiagnosticDescriptors.InvalidBounds, index, $"the bound {Literals.DisplayDouble(bound)} is outside the range of float");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        double min = Math.Min(a, b), max = Math.Max(a, b);
        if (min == max || (kind == ValueKind.Single && (float)min == (float)max))
        {
            // One value, or equal bounds: a setting, not a dimension.
            string literal = kind switch
            {
                ValueKind.Single => Literals.Single((float)min),
                ValueKind.Int32 => ((long)min).ToString(CultureInfo.InvariantCulture),
                ValueKind.Int64 => ((long)min).ToString(CultureInfo.InvariantCulture) + "L",
                _ => Literals.Double(min),
            };
            return new FixedResult(Fixed(context, literal, Literals.DisplayDouble(min)), null);
        }

        int scale = scaleValue is int value ? value : 0;
        if (scale is not (0 or 1))
        {
            context.Report(DiagnosticDescriptors.InvalidBounds, 2, $"the scale {scale} is neither Scale.Linear nor Scale.Log");
            return null;
        }

        bool isLog = scale == 1;
        if (isLog && min <= 0)
        {
            context.Report(DiagnosticDescriptors.NonPositiveLogBound, a <= 0 ? 0 : 1, Literals.DisplayDouble(a <= 0 ? a : b));
            return null;
        }

        var dimensionKind = kind is ValueKind.Int32 or ValueKind.Int64 ? DimensionKindSpec.Integer : DimensionKindSpec.Continuous;
        return NewDimension(context, dimensionKind, kind, min, max, isLog, EquatableArray<CandidateSpec>.Empty);
    }

    private static object? ParseCandidates(AttributeContext context, TypedConstant array)
    {
        var values = array.Kind == TypedConstantKind.Array && !array.IsNull ? array.Values : ImmutableArray<TypedConstant>.Empty;
        if (values.IsEmpty)
        {
            context.Report(DiagnosticDescriptors.InvalidCandidates, null, "there are no candidates; list at least one");
            return null;
        }

        var candidates = new List<CandidateSpec>();
        var keys = new HashSet<string>();
        bool ok = true;
        for (int i = 0; i < values.Length; i++)
        {
            var location = AttributeLocations.OfParamsElement(context.Attribute, 0, i, context.CancellationToken);
            if (!ConstantConverter.TryConvert(values[i], context.Property.Type, out var candidate, out string error))
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeMismatch, location, context.Name, context.Property.Name, "the candidate " + error));
                ok = false;
            }
            else if (values[i].Value is double or float && !IsFinite(Convert.ToDouble(values[i].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCandidates, location, context.Name, context.Property.Name, $"the candidate {candidate.Display} is not a finite number"));
                ok = false;
            }
            else if (!keys.Add(candidate.Key))
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCandidates, location, context.Name, context.Property.Name, $"the candidate {candidate.Display} is listed twice; candidates must be distinct"));
                ok = false;
            }
            else
            {
                candidates.Add(candidate);
            }
        }

        if (ok && candidates.Count == 1)
        {
            return new FixedResult(Fixed(context, candidates[0].Literal, candidates[0].Display), candidates[0]);
        }

        return ok ? NewDimension(context, DimensionKindSpec.Categorical, ValueKind.Other, 0, 0, false, candidates.ToEquatableArray()) : null;
    }

    /// <summary>
    /// The condition; <see langword="true"/> when it depends on a fixed setting it always matches (an
    /// unconditional dimension), <see langword="false"/> when it never does (never tuned);
    /// <see langword="null"/> after a diagnostic.
    /// </summary>
    private static object? ParseCondition(INamedTypeSymbol type, List<IPropertySymbol> properties, List<DimensionSpec> dimensions, Dictionary<string, CandidateSpec> fixedCandidates, int index, AttributeData attribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var self = dimensions[index];
        void Report(Location? location, string problem) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCondition, location, self.Name, problem));

        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Any(static a => a.Kind == TypedConstantKind.Error))
        {
            return null;
        }


        var arguments = attribute.ConstructorArguments;
        string? parentName = arguments[0].Value as string;
        var nameLocation = AttributeLocations.OfArgument(attribute, 0, cancellationToken);
        int parentIndex = dimensions.FindIndex(d => d.Name == parentName);
        if (parentIndex < 0 && parentName is not null && fixedCandidates.TryGetValue(parentName, out var fixedValue) &&
            ConfigMembers.Find(properties, parentName) is { } fixedProperty)
        {
            var fixedValues = arguments.Length > 1 && arguments[1].Kind == TypedConstantKind.Array && !arguments[1].IsNull ? arguments[1].Values : ImmutableArray<TypedConstant>.Empty;
            return fixedValues.Any(v => ConstantConverter.TryConvert(v, fixedProperty.Type, out var c, out _) && c.Key == fixedValue.Key);
        }

        if (parentIndex < 0)
        {
            Report(nameLocation, $"'{parentName}' is not a dimension of '{type.Name}'; name a categorical dimension of the same config with nameof");
            return null;
        }

        var parent = dimensions[parentIndex];
        if (parentIndex == index)
        {
            Report(nameLocation, "a dimension cannot depend on itself");
            return null;
        }

        if (parent.Kind != DimensionKindSpec.Categorical)
        {
            Report(nameLocation, $"'{parent.Name}' is a {parent.Kind.ToString().ToLowerInvariant()} range; a condition can depend only on a categorical dimension");
            return null;
        }

        var parentProperty = ConfigMembers.Find(properties, parent.Name)!;
        if (parentProperty.GetAttributes().Any(static a => ConfigParser.RecognisedName(a) == KnownNames.ActiveWhenAttribute))
        {
            Report(nameLocation, $"'{parent.Name}' is itself conditional; HyperTune supports one level of conditions: depend on an unconditional dimension");
            return null;
        }

        var values = arguments.Length > 1 && arguments[1].Kind == TypedConstantKind.Array && !arguments[1].IsNull ? arguments[1].Values : ImmutableArray<TypedConstant>.Empty;
        if (values.IsEmpty)
        {
            Report(AttributeLocations.Of(attribute, cancellationToken), $"list at least one value of '{parent.Name}' under which '{self.Name}' is active");
            return null;
        }

        var parentType = parentProperty.Type;
        var indices = new SortedSet<int>();
        for (int i = 0; i < values.Length; i++)
        {
            var location = AttributeLocations.OfParamsElement(attribute, 1, i, cancellationToken);
            int candidateIndex = ConstantConverter.TryConvert(values[i], parentType, out var candidate, out _)
                ? parent.Candidates.AsImmutableArray().IndexOf(candidate)
                : -1;
            if (candidateIndex < 0)
            {
                string candidates = string.Join(", ", parent.Candidates.Select(static c => c.Display));
                Report(location, $"{ConstantConverter.Describe(values[i])} is not one of the candidates of '{parent.Name}' ({candidates})");
                return null;
            }

            indices.Add(candidateIndex);
        }

        return new ConditionSpec(parentIndex, indices.ToEquatableArray());
    }

    /// <summary>Property order, except that a conditional dimension moves to just after the dimension it depends on.</summary>
    private static int[] LoopOrder(DimensionSpec[] dimensions)
    {
        var order = new List<int>();
        for (int i = 0; i < dimensions.Length; i++)
        {
            if (dimensions[i].Condition is not null)
            {
                continue;
            }

            order.Add(i);
            for (int j = 0; j < dimensions.Length; j++)
            {
                if (dimensions[j].Condition?.ParentIndex == i)
                {
                    order.Add(j);
                }
            }
        }

        return order.ToArray();
    }

    private static DimensionSpec NewDimension(AttributeContext context, DimensionKindSpec kind, ValueKind valueKind, double min, double max, bool isLog, EquatableArray<CandidateSpec> candidates)
    {
        var type = context.Property.Type;
        string propertyType = type.ToDisplayString(s_typeFormat);
        string typeOf = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        bool needsNullable = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.Annotated && candidates.Any(static c => c.Literal == "null");
        return new DimensionSpec(
            context.Property.Name,
            Literals.Identifier(context.Property.Name),
            propertyType,
            typeOf,
            kind,
            valueKind,
            min,
            max,
            isLog,
            candidates,
            needsNullable ? propertyType + "?" : propertyType,
            null);
    }

    private static FixedSettingSpec Fixed(AttributeContext context, string literal, string display) =>
        new(context.Property.Name, Literals.Identifier(context.Property.Name), literal, display);

    private static ValueKind ValueKindOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Double => ValueKind.Double,
        SpecialType.System_Single => ValueKind.Single,
        SpecialType.System_Int32 => ValueKind.Int32,
        SpecialType.System_Int64 => ValueKind.Int64,
        _ => ValueKind.Other,
    };

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static string TypeName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string ShortName(AttributeData attribute)
    {
        string name = attribute.AttributeClass!.Name;
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>A property that is a fixed setting, with its value as a candidate when it came from a candidate list.</summary>
    private sealed record FixedResult(FixedSettingSpec Setting, CandidateSpec? Candidate);

    /// <summary>The attribute being parsed, and where its diagnostics go.</summary>
    private sealed class AttributeContext
    {
        public AttributeContext(IPropertySymbol property, AttributeData attribute, string name, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            Property = property;
            Attribute = attribute;
            Name = name;
            Diagnostics = diagnostics;
            CancellationToken = cancellationToken;
        }

        public IPropertySymbol Property { get; }

        public AttributeData Attribute { get; }

        public string Name { get; }

        public List<DiagnosticInfo> Diagnostics { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>
        /// Reports at positional argument <paramref name="argument"/>, or at the attribute when it is
        /// <see langword="null"/>; the message starts with the attribute's and the property's names.
        /// </summary>
        public void Report(DiagnosticDescriptor descriptor, int? argument, string detail)
        {
            var location = argument is int index
                ? AttributeLocations.OfArgument(Attribute, index, CancellationToken)
                : AttributeLocations.Of(Attribute, CancellationToken);
            Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, Name, Property.Name, detail));
        }
    }
}
