namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>How generated code builds a config from a template with new dimension values.</summary>
internal enum ConstructionKind
{
    /// <summary>A <c>with</c> expression: records and structs copy every member themselves.</summary>
    With,

    /// <summary>
    /// A shallow copy of a class (<c>MemberwiseClone</c>, as a record's <c>with</c>), whose tuned
    /// properties are then set: every member the config does not tune is kept, private state and
    /// get-only collections included.
    /// </summary>
    Clone,

    /// <summary>
    /// An object initializer that copies every settable member of a class: for classes with an
    /// init-only tuned property, which a clone cannot set.
    /// </summary>
    ObjectInitializer,
}
