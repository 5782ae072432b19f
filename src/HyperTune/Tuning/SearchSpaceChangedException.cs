using System;
using System.Collections.Generic;

namespace HyperTune;

/// <summary>
/// A stored study's search space changed in a way its trials cannot follow (a dimension renamed,
/// retyped or removed; bounds or candidates that no longer hold a stored trial's value). The message
/// lists what changed; start a new study (<see cref="TuneOptions.StartFresh"/>, or another
/// <see cref="TuneOptions.StudyName"/>) to accept the new space.
/// </summary>
public sealed class SearchSpaceChangedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="studyName">The study.</param>
    /// <param name="changes">What changed, one sentence each.</param>
    public SearchSpaceChangedException(string studyName, IReadOnlyList<string> changes)
        : base($"The search space of study '{studyName}' changed in a way its stored trials cannot follow: {string.Join(" ", changes)} Start a new study (TuneOptions.StartFresh, or another StudyName) to accept the new space.")
    {
        StudyName = studyName;
        Changes = changes;
    }

    /// <summary>The study's name.</summary>
    public string StudyName { get; }

    /// <summary>What changed, one sentence each.</summary>
    public IReadOnlyList<string> Changes { get; }
}
