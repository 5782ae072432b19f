using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs.Model;
using HyperTune.SourceGenerators.Diagnostics;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.SearchSpace;
using HyperTune.SourceGenerators.Training;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HyperTune.SourceGenerators.Configs;

/// <summary>
/// Reads an annotated config type, from the symbol of one of its attributed properties, into a
/// <see cref="ConfigResult"/>: the type-level facts (partial, nesting, how to build a copy) here,
/// the search space through <see cref="SearchSpaceParser"/>.
/// </summary>
internal static class ConfigParser
{
    /// <summary>The name of the nested class the generator emits.</summary>
    public const string SearchSpaceClassName = KnownNames.SearchSpaceClassName;

    private static readonly ImmutableHashSet<string> s_recognisedAttributes =
        KnownNames.DimensionAttributes.Concat(new[] { KnownNames.ActiveWhenAttribute }).ToImmutableHashSet();

    // The same names keyed by their simple metadata name: building a full name allocates, and these
    // lookups run for every attribute of every property of every config on each compilation.
    private static readonly ImmutableDictionary<string, string> s_recognisedBySimpleName =
        s_recognisedAttributes.ToImmutableDictionary(static n => n.Substring(KnownNames.Namespace.Length + 1), static n => n);

    /// <summary>Whether a syntax node may carry a dimension attribute: the cheap predicate.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is PropertyDeclarationSyntax { AttributeLists.Count: > 0 };

    /// <summary>
    /// Whether a syntax node is a positional record's parameter with a <c>property:</c> attribute
    /// list: the cheap predicate of the one discovery <c>ForAttributeWithMetadataName</c> cannot do
    /// (it matches attributes on the parameter symbol, and <c>property:</c> ones are on the property).
    /// </summary>
    public static bool IsRecordParameterCandidate(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ParameterSyntax { AttributeLists.Count: > 0, Parent.Parent: RecordDeclarationSyntax } parameter &&
        parameter.AttributeLists.Any(static list => list.Target?.Identifier.IsKind(SyntaxKind.PropertyKeyword) == true);

    /// <summary>Builds the model of a positional record from one of its parameters, as <see cref="Parse"/> does from a property.</summary>
    public static ConfigResult? ParseRecordParameter(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol((ParameterSyntax)context.Node, cancellationToken) is not IParameterSymbol { ContainingSymbol: IMethodSymbol { ContainingType: { IsRecord: true } record } } parameter ||
            record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault() is not { } property ||
            !property.GetAttributes().Any(IsRecognised))
        {
            return null;
        }

        return ParseProperty(property, context.SemanticModel.Compilation, cancellationToken);
    }

    /// <summary>
    /// Builds the model of the type that declares the attributed property, once per type: only the
    /// type's first annotated property does the work, the others give <see langword="null"/>. A
    /// config with an error gets no model (<see cref="ConfigResult.Spec"/> is <see langword="null"/>)
    /// and the generator emits nothing for it: the problems themselves are reported by the analyzer
    /// (<c>ConfigAnalyzer</c>), which runs this same parser through <see cref="Analyze"/>. Never throws
    /// except for cancellation.
    /// </summary>
    public static ConfigResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        return context.TargetSymbol is IPropertySymbol property ? ParseProperty(property, context.SemanticModel.Compilation, cancellationToken) : null;
    }

    private static ConfigResult? ParseProperty(IPropertySymbol property, Compilation compilation, CancellationToken cancellationToken)
    {
        if (property.ContainingType is not { } type)
        {
            return null;
        }

        if (!IsNamed(type))
        {
            return null; // Half-typed code (e.g. a class without a name yet): the compiler reports it.
        }

        if (!SymbolEqualityComparer.Default.Equals(FirstAnnotatedProperty(type), property))
        {
            return null;
        }

        string metadataName = MetadataName(type);
        try
        {
            return new ConfigResult(metadataName, ParseType(type, compilation, metadataName, new List<DiagnosticInfo>(), cancellationToken));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // A bug in the parser: emit nothing for this config. The analyzer, running the same
            // parser, meets the same exception and reports it as HT0019 at the config.
            return new ConfigResult(metadataName, null);
        }
    }

    /// <summary>
    /// Whether the generator builds a model for <paramref name="type"/>: a type with a name (not
    /// half-typed code) that has a property carrying a dimension attribute or <c>[ActiveWhen]</c>.
    /// The analyzer asks this to look at exactly the types the generator looks at.
    /// </summary>
    public static bool IsConfig(INamedTypeSymbol type) => IsNamed(type) && FirstAnnotatedProperty(type) is not null;

    /// <summary>
    /// Parses a config type: its model, or <see langword="null"/> when an error leaves nothing to
    /// generate, with every problem found added to <paramref name="diagnostics"/>. The single parser
    /// behind both the generator (which drops the problems) and the analyzer (which reports them).
    /// </summary>
    public static ConfigSpec? Analyze(INamedTypeSymbol type, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken) =>
        ParseType(type, compilation, MetadataName(type), diagnostics, cancellationToken);

    /// <summary>Whether an attribute is one this generator reads.</summary>
    public static bool IsRecognised(AttributeData attribute) => RecognisedName(attribute) is not null;

    /// <summary>The full metadata name of a recognised attribute (one of <see cref="KnownNames"/>), without allocating; otherwise <see langword="null"/>.</summary>
    public static string? RecognisedName(AttributeData attribute) =>
        attribute.AttributeClass is { } type &&
        s_recognisedBySimpleName.TryGetValue(type.MetadataName, out string? name) &&
        IsHyperTuneType(type)
            ? name
            : null;

    /// <summary>Whether a type is a top-level type of the <c>HyperTune</c> namespace (an attribute or enum of the library).</summary>
    public static bool IsHyperTuneType(INamedTypeSymbol type) =>
        type is { ContainingType: null } &&
        type.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };

    /// <summary>
    /// Whether a member is the user's: neither implicit nor emitted by this generator. The analyzer's
    /// compilation holds the generated <c>SearchSpace</c> and <c>Train</c>, the generator's does not;
    /// they must not count as clashes with themselves.
    /// </summary>
    public static bool IsUserDeclared(ISymbol member) =>
        !member.IsImplicitlyDeclared &&
        !member.GetAttributes().Any(static a =>
            a.AttributeClass is { Name: "GeneratedCodeAttribute" } &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value is "HyperTune");

    /// <summary>The namespace-qualified name of a non-nested type, e.g. <c>HyperTune.RangeAttribute</c>.</summary>
    public static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    private static IPropertySymbol? FirstAnnotatedProperty(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(static p => p.GetAttributes().Any(IsRecognised));

    private static bool IsNamed(INamedTypeSymbol type) =>
        type.CanBeReferencedByName && type.ContainingType is not { CanBeReferencedByName: false };

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? MetadataName(outer) + "+" + type.MetadataName : FullName(type);

    private static ConfigSpec? ParseType(INamedTypeSymbol type, Compilation compilation, string metadataName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (type.Name == SearchSpaceClassName)
        {
            // A nested class cannot have its enclosing type's name: nothing valid to emit (HT0031,
            // GeneratedNamesAnalyzer, reports it).
            return null;
        }

        Location? typeLocation = type.Locations.FirstOrDefault();
        if (!CheckTypeShape(type, typeLocation, diagnostics))
        {
            // A static class, an interface, a generic or ref-like type: one HT0018 says it all (the
            // checks below would only restate it, e.g. a static class as abstract, its properties as static).
            return null;
        }

        bool canGenerate = CheckPartial(type, diagnostics, cancellationToken)
            & CheckNameCollision(type, diagnostics)
            & CheckConstructible(type, typeLocation, diagnostics);

        var searchSpace = SearchSpaceParser.Parse(type, compilation, diagnostics, cancellationToken);
        var training = searchSpace is null ? null : TrainingParser.Parse(type, ConfigMembers.Properties(type), searchSpace, diagnostics);
        if (!canGenerate || searchSpace is null)
        {
            return null;
        }

        var tunedProperties = new HashSet<string>(searchSpace.Dimensions.Select(static d => d.Name).Concat(searchSpace.Fixed.Select(static f => f.Name)));
        if (searchSpace.Epochs is { } epochs)
        {
            tunedProperties.Add(epochs.PropertyName.TrimStart('@'));
        }

        var construction = type.IsRecord || type.IsValueType ? ConstructionKind.With
            : ConfigMembers.Properties(type).Any(p => tunedProperties.Contains(p.Name) && p.SetMethod is { IsInitOnly: true }) ? ConstructionKind.ObjectInitializer
            : ConstructionKind.Clone;
        string fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        var spec = new ConfigSpec(
            metadataName,
            fullName,
            DisplayName(type),
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes(type).Select(Declaration).ToEquatableArray(),
            Declaration(type),
            type.IsValueType,
            construction,
            construction == ConstructionKind.ObjectInitializer ? CopiedMembers(type, compilation, tunedProperties).ToEquatableArray() : EquatableArray<string>.Empty,
            NewExpression(type, fullName),
            HidesInheritedMember(type),
            training is not null && HidesInheritedTrain(type),
            CanDeclareTune(type),
            training is not null && searchSpace.Dimensions.Count > 0 && HidesInheritedTrainingTune(type, compilation, cancellationToken),
            searchSpace,
            training);
        return spec;
    }

    private static bool CheckTypeShape(INamedTypeSymbol type, Location? location, List<DiagnosticInfo> diagnostics)
    {
        string? problem = null;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            problem = "only classes, records and structs can be configs";
        }
        else if (type.IsStatic)
        {
            problem = "a static class has no instances to tune";
        }
        else if (type.IsRefLikeType)
        {
            problem = "a ref struct cannot be enumerated by a grid";
        }
        else if (type.IsGenericType || ContainingTypes(type).Any(static t => t.IsGenericType))
        {
            problem = "generic config types (and configs nested in generic types) are not supported; declare a non-generic config";
        }

        if (problem is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedConfigType, location, type.Name, problem));
        return false;
    }

    private static bool CheckPartial(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        bool ok = true;
        foreach (var candidate in ContainingTypes(type).Concat(new[] { type }))
        {
            foreach (var reference in candidate.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                    !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    string why = SymbolEqualityComparer.Default.Equals(candidate, type)
                        ? string.Empty
                        : $" (it contains the config type '{type.Name}')";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConfigTypeNotPartial, declaration.Identifier.GetLocation(), candidate.Name, why));
                    ok = false;
                    break;
                }
            }
        }

        return ok;
    }

    private static bool CheckNameCollision(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var clash = type.GetMembers(SearchSpaceClassName).FirstOrDefault(IsUserDeclared);
        if (clash is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameCollision, clash.Locations.FirstOrDefault(), type.Name, SearchSpaceClassName));
        return false;
    }

    private static bool CheckConstructible(INamedTypeSymbol type, Location? location, List<DiagnosticInfo> diagnostics)
    {
        string? problem = null;
        if (!type.IsValueType && type.IsAbstract)
        {
            problem = "is abstract: generated code creates configs with 'new', so a config type must be concrete";
        }
        else if (!type.IsValueType && !type.InstanceConstructors.Any(static c => c.Parameters.Length == 0) && PrimaryConstructor(type) is null)
        {
            problem = $"has no parameterless constructor: generated code creates configs with 'new {type.Name}()' when there is no template; add one";
        }
        else if (!type.IsValueType && !type.InstanceConstructors.Any(static c => c.Parameters.Length == 0) &&
            PrimaryConstructor(type)!.Parameters.FirstOrDefault(p => !p.HasExplicitDefaultValue && !IsTunedParameter(type, p)) is { } untuned)
        {
            problem = $"has no parameterless constructor, and its parameter '{untuned.Name}' is neither tuned nor has a default: generated code cannot create a config without a template; give it a default value";
        }
        else if (AllMembers(type).FirstOrDefault(static m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }) is { } required)
        {
            problem = $"has the required member '{required.Name}': generated code creates configs with 'new {type.Name}()' when there is no template; give it a default instead";
        }

        if (problem is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConfigNotConstructible, location, type.Name, problem));
        return false;
    }

    /// <summary>The primary constructor of a positional record, or <see langword="null"/>.</summary>
    private static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type) =>
        type.IsRecord
            ? type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length > 0 && !IsCopyConstructor(c, type) && c.DeclaringSyntaxReferences.Any(static r => r.GetSyntax() is RecordDeclarationSyntax))
            : null;

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    /// <summary>Whether a primary-constructor parameter declares a property with a dimension attribute.</summary>
    private static bool IsTunedParameter(INamedTypeSymbol type, IParameterSymbol parameter) =>
        type.GetMembers(parameter.Name).OfType<IPropertySymbol>().Any(static p => p.GetAttributes().Any(IsRecognised));

    /// <summary>
    /// How to create a config without a template: <c>new T()</c>, or for a positional record without
    /// a parameterless constructor its primary constructor, tuned parameters given placeholders that
    /// the copy then overwrites, the others left to their defaults.
    /// </summary>
    private static string NewExpression(INamedTypeSymbol type, string fullName)
    {
        if (type.IsValueType || type.InstanceConstructors.Any(static c => c.Parameters.Length == 0) || PrimaryConstructor(type) is not { } primary)
        {
            return "new " + fullName + "()";
        }

        var arguments = primary.Parameters
            .Where(static p => !p.HasExplicitDefaultValue)
            .Select(static p => Literals.Identifier(p.Name) + ": " + (p.Type.IsValueType ? "default" : "default!"));
        return "new " + fullName + "(" + string.Join(", ", arguments) + ")";
    }

    private static IEnumerable<ISymbol> AllMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                yield return member;
            }
        }
    }

    private static IEnumerable<string> CopiedMembers(INamedTypeSymbol type, Compilation compilation, HashSet<string> tuned)
    {
        var seen = new HashSet<string>(tuned);
        foreach (var member in AllMembers(type))
        {
            bool copy = member switch
            {
                IPropertySymbol p => !p.IsStatic && !p.IsIndexer && p.GetMethod is { } get && p.SetMethod is { } set &&
                    compilation.IsSymbolAccessibleWithin(get, type) && compilation.IsSymbolAccessibleWithin(set, type),
                IFieldSymbol f => !f.IsStatic && !f.IsConst && !f.IsReadOnly && !f.IsImplicitlyDeclared && f.CanBeReferencedByName &&
                    compilation.IsSymbolAccessibleWithin(f, type),
                _ => false,
            };
            if (copy && seen.Add(member.Name))
            {
                yield return Literals.Identifier(member.Name);
            }
        }
    }

    /// <summary>
    /// Whether a base type has a visible member named <c>SearchSpace</c>, either declared or about to
    /// be generated (a base config's own search space is not in the compilation this generator sees).
    /// </summary>
    private static bool HidesInheritedMember(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(SearchSpaceClassName).Any(static m => m.DeclaredAccessibility != Accessibility.Private) ||
                current.GetMembers().OfType<IPropertySymbol>().Any(static p => p.GetAttributes().Any(IsRecognised)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a base type has a visible <c>Train</c> method, either declared or about to be generated
    /// (a base that is a training config), which this config's generated <c>Train</c> hides.
    /// </summary>
    private static bool HidesInheritedTrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(KnownNames.TrainMethodName).Any(static m => m.DeclaredAccessibility != Accessibility.Private))
            {
                return true;
            }

            if (current.DeclaringSyntaxReferences.Length > 0 && IsTrainingConfig(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the generated <c>Tune</c> methods can be declared in <paramref name="type"/>: not when
    /// the type itself is named <c>Tune</c> (a member cannot have its type's name) or declares a
    /// member of that name that is not a method (it would clash). The search space and its
    /// <c>Definition</c> are generated either way.
    /// </summary>
    private static bool CanDeclareTune(INamedTypeSymbol type) =>
        type.Name != KnownNames.TuneMethodName &&
        !type.GetMembers(KnownNames.TuneMethodName).Any(static m => m.Kind != SymbolKind.Method && IsUserDeclared(m));

    /// <summary>
    /// Whether a base type has a visible <c>Tune(Dataset, Dataset, TuneOptions, CancellationToken)</c>,
    /// declared or about to be generated (a base config that trains and has a dimension), which this
    /// config's generated one hides. The objective overload never hides: its delegate names the config type.
    /// </summary>
    private static bool HidesInheritedTrainingTune(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.GetMembers(KnownNames.TuneMethodName).OfType<IMethodSymbol>().Any(static m => m.DeclaredAccessibility != Accessibility.Private && IsTrainingTuneSignature(m)))
            {
                return true;
            }

            if (current.DeclaringSyntaxReferences.Length > 0 && IsConfig(current) &&
                ParseType(current, compilation, MetadataName(current), new List<DiagnosticInfo>(), cancellationToken) is { Training: not null, CanDeclareTune: true } baseSpec &&
                baseSpec.SearchSpace.Dimensions.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTrainingTuneSignature(IMethodSymbol method) =>
        method.Parameters.Length == 4 &&
        method.Parameters[0].Type is INamedTypeSymbol { Name: "Dataset" } first && IsHyperTuneType(first) &&
        method.Parameters[1].Type is INamedTypeSymbol { Name: "Dataset" } second && IsHyperTuneType(second) &&
        method.Parameters[2].Type is INamedTypeSymbol { Name: "TuneOptions" } third && IsHyperTuneType(third) &&
        method.Parameters[3].Type is INamedTypeSymbol { Name: "CancellationToken" };

    /// <summary>Whether a source type gets a generated <c>Train</c>: it is a config with <c>[Epochs]</c> or a training policy.</summary>
    private static bool IsTrainingConfig(INamedTypeSymbol type)
    {
        var properties = ConfigMembers.Properties(type);
        if (!type.GetMembers().OfType<IPropertySymbol>().Any(static p => p.GetAttributes().Any(IsRecognised)))
        {
            return false;
        }

        return properties.Any(static p => p.GetAttributes().Any(static a => RecognisedName(a) == KnownNames.EpochsAttribute)) ||
            ConfigMembers.TypeAttributes(type).Any(static a => a.AttributeClass is { } c && IsHyperTuneType(c) && KnownNames.PolicyAttributes.Contains(FullName(c)));
    }

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            chain.Push(outer);
        }

        return chain;
    }

    private static string DisplayName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? DisplayName(outer) + "." + type.Name : type.Name;

    private static TypeDeclarationSpec Declaration(INamedTypeSymbol type)
    {
        string keyword = (type.IsRecord, type.IsValueType) switch
        {
            (true, true) => "record struct",
            (true, false) => "record",
            (false, true) => "struct",
            _ => "class",
        };
        string modifiers = type.IsValueType && type.IsReadOnly ? "readonly " : string.Empty;
        return new TypeDeclarationSpec(modifiers, keyword, Literals.Identifier(type.Name));
    }
}
