using System;
using System.Collections.Generic;
using System.Reflection;

namespace HyperTune;

/// <summary>
/// What a model remembers of how it was made: the config's values as name/value pairs, the
/// search-space fingerprint of the config type, and the version of HyperTune that trained it.
/// <see cref="TrainedModel.Save(string)"/> stores it, so a model file tells which trial it came
/// from and whether the search space has changed since.
/// </summary>
/// <remarks>
/// The generated <c>Train</c> method fills it in from the config it trains with. Values are
/// formatted with the invariant culture (reals so that they parse back to the same value, strings
/// in double quotes, <c>null</c> as the word).
/// </remarks>
public sealed class ModelMetadata
{
    private readonly KeyValuePair<string, string>[] _values;

    /// <summary>Metadata of the given values, recorded by this version of HyperTune.</summary>
    /// <param name="searchSpaceFingerprint">The config type's <c>SearchSpace.Fingerprint</c>; null if none.</param>
    /// <param name="values">The config's values by property name, already formatted.</param>
    /// <exception cref="ArgumentException">A name is null, empty or repeated, or a value is null.</exception>
    public ModelMetadata(string? searchSpaceFingerprint, IEnumerable<KeyValuePair<string, string>> values)
        : this(searchSpaceFingerprint, Check(values), CurrentLibraryVersion)
    {
    }

    internal ModelMetadata(string? searchSpaceFingerprint, KeyValuePair<string, string>[] values, string libraryVersion)
    {
        SearchSpaceFingerprint = searchSpaceFingerprint;
        _values = values;
        LibraryVersion = libraryVersion;
    }

    /// <summary>
    /// Metadata of a config's values, each formatted with the invariant culture: what the generated
    /// <c>Train</c> method passes.
    /// </summary>
    /// <param name="searchSpaceFingerprint">The config type's <c>SearchSpace.Fingerprint</c>.</param>
    /// <param name="values">Each property's name and value.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="ArgumentException">A name is null, empty or repeated.</exception>
    public static ModelMetadata FromConfig(string? searchSpaceFingerprint, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var pairs = new KeyValuePair<string, string>[values.Length];
        for (int i = 0; i < values.Length; i++) pairs[i] = new(values[i].Name, DimensionValue.Format(values[i].Value));
        return new ModelMetadata(searchSpaceFingerprint, pairs);
    }

    /// <summary>The config type's search-space fingerprint when the model was trained; null if unknown.</summary>
    public string? SearchSpaceFingerprint { get; }

    /// <summary>The config's values by property name, in the config's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values => _values;

    /// <summary>The informational version of the HyperTune library that made the model.</summary>
    public string LibraryVersion { get; }

    /// <summary>The value recorded for <paramref name="name"/>, or null.</summary>
    /// <param name="name">A property name.</param>
    /// <returns>The formatted value, or null when the metadata has no such name.</returns>
    public string? this[string name]
    {
        get
        {
            foreach (var pair in _values)
            {
                if (pair.Key == name) return pair.Value;
            }
            return null;
        }
    }

    /// <summary>The version of this HyperTune library, as models record it.</summary>
    internal static string CurrentLibraryVersion { get; } =
        typeof(ModelMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ModelMetadata).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static KeyValuePair<string, string>[] Check(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<KeyValuePair<string, string>>(values);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            var (name, value) = list[i];
            if (string.IsNullOrEmpty(name)) throw new ArgumentException($"Value {i} has no name.", nameof(values));
            if (!seen.Add(name)) throw new ArgumentException($"The name '{name}' appears twice.", nameof(values));
            if (value is null) throw new ArgumentException($"The value of '{name}' is null; format it (\"null\").", nameof(values));
        }
        return list.ToArray();
    }
}
