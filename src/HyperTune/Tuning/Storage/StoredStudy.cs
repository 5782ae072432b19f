namespace HyperTune.Tuning;

/// <summary>A study as a storage knows it.</summary>
/// <param name="Id">The storage's key for it.</param>
/// <param name="Name">The study's name, unique in the storage.</param>
/// <param name="Direction">Its direction.</param>
/// <param name="Space">The space its trials' points are encoded in.</param>
internal sealed record StoredStudy(long Id, string Name, Direction Direction, StoredSpace Space);
