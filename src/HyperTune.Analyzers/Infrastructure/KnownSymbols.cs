using System.Collections.Concurrent;
using System.Collections.Immutable;
using HyperTune.Roslyn;
using Microsoft.CodeAnalysis;

namespace HyperTune.Analyzers.Infrastructure;

/// <summary>
/// The library's attribute types, resolved once per compilation (at compilation start) so that the
/// per-symbol actions only compare references.
/// </summary>
internal sealed class KnownSymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> _dimensionAttributes;
    private readonly ImmutableArray<INamedTypeSymbol> _policyAttributes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _configTypes = new(SymbolEqualityComparer.Default);

    private KnownSymbols(Compilation compilation, INamedTypeSymbol learningRate)
    {
        LearningRate = learningRate;
        BatchSize = compilation.GetTypeByMetadataName(KnownNames.BatchSizeAttribute);
        Epochs = compilation.GetTypeByMetadataName(KnownNames.EpochsAttribute);
        HiddenLayers = compilation.GetTypeByMetadataName(KnownNames.HiddenLayersAttribute);
        HiddenUnits = compilation.GetTypeByMetadataName(KnownNames.HiddenUnitsAttribute);
        Optimizer = compilation.GetTypeByMetadataName(KnownNames.OptimizerAttribute);
        Momentum = compilation.GetTypeByMetadataName(KnownNames.MomentumAttribute);
        WeightDecay = compilation.GetTypeByMetadataName(KnownNames.WeightDecayAttribute);
        Dropout = compilation.GetTypeByMetadataName(KnownNames.DropoutAttribute);
        Range = compilation.GetTypeByMetadataName(KnownNames.RangeAttribute);
        Choice = compilation.GetTypeByMetadataName(KnownNames.ChoiceAttribute);
        ActiveWhen = compilation.GetTypeByMetadataName(KnownNames.ActiveWhenAttribute);
        LearningRateDecay = compilation.GetTypeByMetadataName(KnownNames.LearningRateDecayAttribute);
        EarlyStopping = compilation.GetTypeByMetadataName(KnownNames.EarlyStoppingAttribute);
        ValidationMonitor = compilation.GetTypeByMetadataName(KnownNames.ValidationMonitorAttribute);
        StopAtStep = compilation.GetTypeByMetadataName(KnownNames.StopAtStepAttribute);
        StopOnNaN = compilation.GetTypeByMetadataName(KnownNames.StopOnNaNAttribute);
        AdamBeta1 = compilation.GetTypeByMetadataName(KnownNames.AdamBeta1Attribute);
        AdamBeta2 = compilation.GetTypeByMetadataName(KnownNames.AdamBeta2Attribute);
        AdamEpsilon = compilation.GetTypeByMetadataName(KnownNames.AdamEpsilonAttribute);
        HiddenShrink = compilation.GetTypeByMetadataName(KnownNames.HiddenShrinkAttribute);

        _dimensionAttributes = NonNull(LearningRate, BatchSize, Epochs, HiddenLayers, HiddenUnits, Optimizer,
            Momentum, WeightDecay, Dropout, Range, Choice, AdamBeta1, AdamBeta2, AdamEpsilon, HiddenShrink);
        RoleAttributes = NonNull(LearningRate, BatchSize, Epochs, HiddenLayers, HiddenUnits, Optimizer,
            Momentum, WeightDecay, Dropout, AdamBeta1, AdamBeta2, AdamEpsilon, HiddenShrink);
        _policyAttributes = NonNull(LearningRateDecay, EarlyStopping, ValidationMonitor, StopAtStep, StopOnNaN);
    }

    public INamedTypeSymbol LearningRate { get; }
    public INamedTypeSymbol? BatchSize { get; }
    public INamedTypeSymbol? Epochs { get; }
    public INamedTypeSymbol? HiddenLayers { get; }
    public INamedTypeSymbol? HiddenUnits { get; }
    public INamedTypeSymbol? Optimizer { get; }
    public INamedTypeSymbol? Momentum { get; }
    public INamedTypeSymbol? WeightDecay { get; }
    public INamedTypeSymbol? Dropout { get; }
    public INamedTypeSymbol? Range { get; }
    public INamedTypeSymbol? Choice { get; }
    public INamedTypeSymbol? ActiveWhen { get; }
    public INamedTypeSymbol? LearningRateDecay { get; }
    public INamedTypeSymbol? EarlyStopping { get; }
    public INamedTypeSymbol? ValidationMonitor { get; }
    public INamedTypeSymbol? StopAtStep { get; }
    public INamedTypeSymbol? StopOnNaN { get; }
    public INamedTypeSymbol? AdamBeta1 { get; }
    public INamedTypeSymbol? AdamBeta2 { get; }
    public INamedTypeSymbol? AdamEpsilon { get; }
    public INamedTypeSymbol? HiddenShrink { get; }

    /// <summary>The attributes that give a property a role in the generated <c>Train</c>: one property each.</summary>
    public ImmutableArray<INamedTypeSymbol> RoleAttributes { get; }

    /// <summary>The class-level training policies.</summary>
    public ImmutableArray<INamedTypeSymbol> PolicyAttributes => _policyAttributes;

    /// <summary>Resolves the symbols, or returns <see langword="null"/> when the compilation does not reference HyperTune.</summary>
    public static KnownSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.LearningRateAttribute) is { } learningRate
            ? new KnownSymbols(compilation, learningRate)
            : null;

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    /// <summary>Whether the attribute declares a dimension (or the epoch budget) of a config.</summary>
    public bool IsDimension(AttributeData attribute) => Contains(_dimensionAttributes, attribute.AttributeClass);

    /// <summary>
    /// Whether a type carries HyperTune attributes (on its properties or on itself): a config whose
    /// generated <c>Train</c> and <c>SearchSpace</c> the analyzers recognise. Cached per compilation.
    /// </summary>
    public bool IsConfigType(INamedTypeSymbol type) => _configTypes.GetOrAdd(type, t =>
    {
        foreach (var attribute in t.GetAttributes())
        {
            if (Contains(_policyAttributes, attribute.AttributeClass))
            {
                return true;
            }
        }

        foreach (var member in t.GetMembers())
        {
            if (member is IPropertySymbol property)
            {
                foreach (var attribute in property.GetAttributes())
                {
                    if (IsDimension(attribute))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    });

    /// <summary>
    /// Whether the generator builds a model of the type: one of its own properties has a dimension
    /// attribute (the generator's trigger).
    /// </summary>
    public bool IsGeneratedConfig(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property)
            {
                foreach (var attribute in property.GetAttributes())
                {
                    if (IsDimension(attribute))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The first attribute of the given type on a symbol, or <see langword="null"/>.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The first property of a type that carries the given attribute, with that attribute.</summary>
    public static (IPropertySymbol Property, AttributeData Attribute)? FindOnProperties(INamedTypeSymbol type, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property && Find(property, attributeType) is { } attribute)
            {
                return (property, attribute);
            }
        }

        return null;
    }

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<INamedTypeSymbol> NonNull(params INamedTypeSymbol?[] types)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>(types.Length);
        foreach (var type in types)
        {
            if (type is not null)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
