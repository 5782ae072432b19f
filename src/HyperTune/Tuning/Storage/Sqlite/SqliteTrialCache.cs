using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;

namespace HyperTune.Tuning;

/// <summary>
/// One study's trials as last read, with the change number each was read at, so that reading the study
/// again costs only the rows changed since (<c>change_seq</c> above <see cref="LastChange"/>). Thread-safe;
/// a snapshot handed out is never modified (a change makes a new one).
/// </summary>
internal sealed class SqliteTrialCache
{
    private readonly object _gate = new();
    private TrialRecord[] _records = Array.Empty<TrialRecord>();
    private long[] _changes = Array.Empty<long>();
    private int _count;
    private long _lastChange;
    private IReadOnlyList<TrialRecord> _snapshot = Array.Empty<TrialRecord>();

    /// <summary>Every change up to this number is in the cache.</summary>
    public long LastChange
    {
        get
        {
            lock (_gate)
            {
                return _lastChange;
            }
        }
    }

    /// <summary>The trials in number order, as of <see cref="LastChange"/>.</summary>
    public IReadOnlyList<TrialRecord> Snapshot
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>
    /// Takes in the rows a reader found changed after some number it read from <see cref="LastChange"/>
    /// (possibly concurrently with another reader: a row replaces the cached one only when newer).
    /// </summary>
    /// <param name="studyId">The study, for messages.</param>
    /// <param name="changed">The changed rows in number order.</param>
    /// <returns>The trials in number order.</returns>
    public IReadOnlyList<TrialRecord> Apply(long studyId, List<SqliteTrialRows.ChangedTrial> changed)
    {
        lock (_gate)
        {
            if (changed.Count == 0)
            {
                return _snapshot;
            }

            bool modified = false;
            long last = _lastChange;
            foreach (var (record, change) in changed)
            {
                int number = record.Number;
                if (number < _count)
                {
                    if (change > _changes[number])
                    {
                        _records[number] = record;
                        _changes[number] = change;
                        modified = true;
                    }
                }
                else if (number == _count)
                {
                    if (_count == _records.Length)
                    {
                        int capacity = Math.Max(16, _records.Length * 2);
                        Array.Resize(ref _records, capacity);
                        Array.Resize(ref _changes, capacity);
                    }

                    _records[number] = record;
                    _changes[number] = change;
                    _count++;
                    modified = true;
                }
                else
                {
                    throw new InvalidDataException($"Study {studyId} has trial {number} but no trial {_count}: trial numbers in the store are not dense.");
                }

                last = Math.Max(last, change);
            }

            _lastChange = last;
            if (modified)
            {
                // Copy on write: a list handed out earlier stays as it was.
                var copy = new TrialRecord[_count];
                Array.Copy(_records, copy, _count);
                _snapshot = new ReadOnlyCollection<TrialRecord>(copy);
            }

            return _snapshot;
        }
    }
}
