using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace HyperTune;

/// <summary>
/// The scaled copies <see cref="StandardizedData.Fit(Dataset, Dataset?, InputScaling)"/> made, kept
/// for the next call on the same data: a tuning study calls <c>Train</c> on one training and one
/// validation set for every trial, and fitting and copying them again each time cost more than
/// short trials train (on 4,096 rows of 784 features, 45-60 ms a call against 60 ms of training).
/// </summary>
/// <remarks>
/// <para>Safe because a <see cref="Dataset"/> never changes after it is made: the same instances and
/// scaling give the same scaled data, bit for bit, whether fitted now or earlier.</para>
/// <para>Keyed on the training set's identity (a <see cref="ConditionalWeakTable{TKey, TValue}"/>:
/// the entry goes when the training set does) and holding the scaled data through a
/// <see cref="WeakReference{T}"/>: the cache itself never keeps a copy alive. A copy lives while a
/// run uses it and until the garbage collector next reclaims large objects, so runs in quick
/// succession (trials, a loop over learning rates) share one fit, and memory is never held for
/// data nobody trains on.</para>
/// <para>Concurrent calls on the same data (trials run in parallel) wait for one fit rather than
/// each making its own copy.</para>
/// </remarks>
internal static class ScaledDataCache
{
    private static readonly ConditionalWeakTable<Dataset, Entry> s_entries = new();

    /// <summary>The cached scaling of (<paramref name="train"/>, <paramref name="validation"/>, <paramref name="scaling"/>), or <paramref name="fit"/>'s, then cached.</summary>
    public static StandardizedData GetOrFit(Dataset train, Dataset? validation, InputScaling scaling, Func<StandardizedData> fit)
    {
        Entry entry = s_entries.GetValue(train, _ => new Entry());
        lock (entry)
        {
            StandardizedData? cached = entry.Find(validation, scaling);
            if (cached is not null) return cached;
            StandardizedData fitted = fit();
            entry.Add(validation, scaling, fitted);
            return fitted;
        }
    }

    private sealed class Entry
    {
        private readonly List<(WeakReference<Dataset>? Validation, InputScaling Scaling, WeakReference<StandardizedData> Data)> _fits = [];

        public StandardizedData? Find(Dataset? validation, InputScaling scaling)
        {
            for (int i = _fits.Count - 1; i >= 0; i--)
            {
                var fit = _fits[i];
                if (!fit.Data.TryGetTarget(out StandardizedData? data))
                {
                    _fits.RemoveAt(i); // collected: forget it
                    continue;
                }

                if (fit.Scaling == scaling && SameValidation(fit.Validation, validation)) return data;
            }

            return null;
        }

        public void Add(Dataset? validation, InputScaling scaling, StandardizedData data)
            => _fits.Add((validation is null ? null : new WeakReference<Dataset>(validation), scaling, new WeakReference<StandardizedData>(data)));

        private static bool SameValidation(WeakReference<Dataset>? stored, Dataset? validation)
            => stored is null ? validation is null : validation is not null && stored.TryGetTarget(out Dataset? target) && ReferenceEquals(target, validation);
    }
}
