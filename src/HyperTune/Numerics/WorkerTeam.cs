using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace HyperTune.Numerics;

/// <summary>A piece of work cut into numbered parts that can run in any order, on any thread.</summary>
internal abstract class ParallelWork
{
    /// <summary>Runs part <paramref name="part"/> (0-based). Must not throw.</summary>
    public abstract void Run(int part);
}

/// <summary>
/// The calling thread plus <see cref="Workers"/> persistent worker threads that run the parts of one
/// <see cref="ParallelWork"/> at a time. A dispatch allocates nothing. Its parts are dealt out in
/// contiguous shares, one per participant (the caller is participant 0): each participant first
/// claims the parts of its own share, in order, then takes what is left of the others' shares, with
/// one compare-exchange a part. So a worker the OS has not scheduled delays nothing (the others run
/// its share), the caller waits only for parts already claimed, and when every participant is on
/// time, part ranges of consecutive dispatches stay with the same thread: memory one product or
/// update wrote in a participant's share is read back by that participant from its own cache.
/// What a part computes never depends on which thread runs it, so results do not depend on the
/// thread count or the timing.
/// </summary>
/// <remarks>
/// Between dispatches a worker that ran a part spins for up to <see cref="SpinTime"/> (the next
/// product of a training step comes within a few hundred microseconds; a sleeping worker takes
/// tens of microseconds to wake), yielding its processor to any other runnable thread every few
/// microseconds, then blocks on a monitor; a worker that found nothing to run spins only
/// <see cref="IdleSpinTime"/>. Teams are pooled (<see cref="Rent"/>,
/// <see cref="Return"/>): a run takes one for its duration, so threads are created once per
/// process, not per run. Workers are background threads.
/// </remarks>
internal sealed class WorkerTeam
{
    /// <summary>
    /// How long an idle worker spins for the next dispatch before it blocks: 1 ms, longer than the
    /// gaps inside a training step (the batch gather, the element-wise passes, the update), shorter
    /// than an epoch's end. Spinning yields to other runnable threads, so on a busy machine it
    /// takes processor time only when nothing else wants it.
    /// </summary>
    private static readonly long SpinTime = Stopwatch.Frequency / 1000;

    /// <summary>
    /// How long a worker that found no part to run in the last dispatch spins before it blocks:
    /// 20 µs. On a machine with many more processors than a product has parts (64 threads, 4 column
    /// panels), the idle workers then sleep instead of spinning a millisecond after every dispatch.
    /// </summary>
    private static readonly long IdleSpinTime = Stopwatch.Frequency / 50_000;

    /// <summary>One more than the most parts a dispatch may have.</summary>
    private const int MaxParts = 1 << 20;
    private const int EndShift = 20;
    private const int GenerationShift = 40;
    private const long GenerationMask = (1L << 23) - 1;
    private const long PartMask = MaxParts - 1;

    /// <summary>Longs between two shares' words: one cache line each, so claims in one share do not slow another's.</summary>
    private const int ShareStride = 8;

    private static readonly List<WorkerTeam> s_idle = [];

    private readonly object _gate = new();
    private readonly Thread[] _threads;

    /// <summary>
    /// One word per participant's share (at <c>participant * ShareStride</c>), so that a claim sees the
    /// dispatch, the share's end and its next part together: bits 40-62 the dispatch's generation,
    /// bits 20-39 the share's end (exclusive), bits 0-19 its next unclaimed part.
    /// </summary>
    private readonly long[] _shares;
    private long _generation;
    private int _completed;
    private int _sleepers;
    private ParallelWork? _work;
    private volatile bool _stopped;

    private WorkerTeam(int workers)
    {
        _threads = new Thread[workers];
        _shares = new long[(workers + 1) * ShareStride];
        for (int i = 0; i < workers; i++)
        {
            int participant = i + 1;
            _threads[i] = new Thread(() => WorkerLoop(participant), maxStackSize: 256 * 1024) { IsBackground = true, Name = $"HyperTune kernel worker {participant}" };
            _threads[i].Start();
        }
    }

    /// <summary>Dispatches of more than one part so far (tests check when work is split).</summary>
    public long Dispatches { get; private set; }

    /// <summary>Worker threads (the dispatching thread is not counted).</summary>
    public int Workers => _threads.Length;

    /// <summary>Threads that take part in a dispatch: the workers and the caller.</summary>
    public int Threads => _threads.Length + 1;

    /// <summary>The first part of participant <paramref name="participant"/>'s share of <paramref name="parts"/> parts.</summary>
    public static int ShareStart(int participant, int parts, int threads) => (int)((long)participant * parts / threads);

    /// <summary>A team of <paramref name="workers"/> workers from the pool, or a new one.</summary>
    public static WorkerTeam Rent(int workers)
    {
        lock (s_idle)
        {
            int index = s_idle.FindIndex(t => t.Workers == workers);
            if (index >= 0)
            {
                WorkerTeam team = s_idle[index];
                s_idle.RemoveAt(index);
                return team;
            }
        }

        return new WorkerTeam(workers);
    }

    /// <summary>Gives a team back to the pool; at most a few idle teams are kept, the rest stop.</summary>
    public static void Return(WorkerTeam team)
    {
        lock (s_idle)
        {
            if (s_idle.Count < 4)
            {
                s_idle.Add(team);
                return;
            }
        }

        team.Stop();
    }

    /// <summary>Runs parts 0 to <paramref name="parts"/> - 1 of <paramref name="work"/> and returns when all are done.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Hot.Path)]
    public void Run(ParallelWork work, int parts)
    {
        if ((uint)parts >= MaxParts) throw new ArgumentOutOfRangeException(nameof(parts), parts, $"At most {MaxParts - 1} parts.");
        if (parts <= 1)
        {
            if (parts == 1) work.Run(0);
            return;
        }

        Dispatches++;
        _work = work;
        Volatile.Write(ref _completed, 0);
        long generation = (Volatile.Read(ref _generation) + 1) & GenerationMask;
        int threads = Threads;
        for (int t = 0; t < threads; t++)
        {
            long end = ShareStart(t + 1, parts, threads);
            Volatile.Write(ref _shares[t * ShareStride], (generation << GenerationShift) | (end << EndShift) | (long)ShareStart(t, parts, threads));
        }

        // Published last: a worker that sees this generation sees every share word written above.
        Interlocked.Exchange(ref _generation, generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }

        RunParts(generation, participant: 0);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _completed) < parts)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _work = null;
    }

    /// <summary>
    /// Claims and runs parts of dispatch <paramref name="generation"/>: first <paramref name="participant"/>'s
    /// own share, then the others' in turn, until none is left.
    /// </summary>
    /// <returns>How many parts this thread ran.</returns>
    [System.Runtime.CompilerServices.MethodImpl(Hot.Path)]
    private int RunParts(long generation, int participant)
    {
        int threads = Threads;
        int ran = 0;
        for (int offset = 0; offset < threads; offset++)
        {
            ref long share = ref _shares[((participant + offset) % threads) * ShareStride];
            while (true)
            {
                long word = Volatile.Read(ref share);
                if ((word >> GenerationShift) != generation) break;
                int part = (int)(word & PartMask);
                if (part >= (int)((word >> EndShift) & PartMask)) break;
                if (Interlocked.CompareExchange(ref share, word + 1, word) != word) continue;

                // The claim succeeded, so the dispatch is still waiting for this part: its fields are current.
                _work!.Run(part);
                Interlocked.Increment(ref _completed);
                ran++;
            }
        }

        return ran;
    }

    private void WorkerLoop(int participant)
    {
        long seen = 0;
        bool ran = false;
        while (!_stopped)
        {
            long generation = WaitForDispatch(seen, ran ? SpinTime : IdleSpinTime);
            if (_stopped) return;
            seen = generation;
            ran = RunParts(generation, participant) > 0;
        }
    }

    /// <summary>Spins for up to <paramref name="spinTime"/> ticks, then blocks, until a dispatch newer than <paramref name="seen"/> is published.</summary>
    private long WaitForDispatch(long seen, long spinTime)
    {
        long spinUntil = Stopwatch.GetTimestamp() + spinTime;
        for (int i = 1; ; i++)
        {
            long generation = Volatile.Read(ref _generation);
            if (generation != seen || _stopped) return generation;
            Thread.SpinWait(8);
            if ((i & 63) == 0)
            {
                if (Stopwatch.GetTimestamp() > spinUntil) break;

                // Lets any other runnable thread of this processor go first; returns at once when there is none.
                Thread.Yield();
            }
        }

        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                while (true)
                {
                    long generation = Volatile.Read(ref _generation);
                    if (generation != seen || _stopped) return generation;
                    Monitor.Wait(_gate);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
    }

    private void Stop()
    {
        _stopped = true;
        lock (_gate) Monitor.PulseAll(_gate);
    }
}
