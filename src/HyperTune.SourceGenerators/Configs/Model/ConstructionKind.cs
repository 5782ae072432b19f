namespace HyperTune.SourceGenerators.Configs.Model;

/// <summary>How generated code builds a config from a template with new dimension values.</summary>
internal enum ConstructionKind
{
    /// <summary>A <c>with</c> expression: records and structs copy every member themselves.</summary>
    With,

    /// <summary>An object initializer that copies every settable member of a class.</summary>
    ObjectInitializer,
}
