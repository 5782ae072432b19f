using System;
using System.Collections.Generic;
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
/// <see cref="ParallelWork"/> at a time. A dispatch allocates nothing: it publishes the work and a
/// part count, every participant (the caller included) claims parts with one compare-exchange each
/// until none is left, and the caller waits only for parts already claimed. So a worker the OS
/// has not scheduled yet delays nothing: the caller runs its parts. What a part computes never
/// depends on which thread runs it, so results do not depend on the thread count or the timing.
/// </summary>
/// <remarks>
/// Between dispatches a worker spins for about <see cref="SpinIterations"/> short pauses (the next
/// product of the same training step usually comes within microseconds), then blocks on a monitor.
/// Teams are pooled (<see cref="Rent"/>, <see cref="Return"/>): a run takes one for its duration,
/// so threads are created once per process, not per run. Workers are background threads.
/// </remarks>
internal sealed class WorkerTeam
{
    /// <summary>
    /// Pauses a worker spins for before it blocks (a few microseconds in all): enough to catch the
    /// next product of the same step, short enough not to take processor time from the caller
    /// when the machine is busy (threads of one process may share one scheduling group).
    /// </summary>
    private const int SpinIterations = 100;

    /// <summary>One more than the most parts a dispatch may have.</summary>
    private const int MaxParts = 1 << 20;
    private const int PartsShift = 20;
    private const int GenerationShift = 40;
    private const long GenerationMask = (1L << 23) - 1;

    private static readonly List<WorkerTeam> s_idle = [];

    private readonly object _gate = new();
    private readonly Thread[] _threads;

    /// <summary>
    /// One word, so that a claim sees the dispatch, its part count and the next part together:
    /// bits 40-63 the dispatch's generation, bits 20-39 its part count, bits 0-19 the next part.
    /// </summary>
    private long _state;
    private int _completed;
    private int _sleepers;
    private ParallelWork? _work;
    private volatile bool _stopped;

    private WorkerTeam(int workers)
    {
        _threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(WorkerLoop, maxStackSize: 256 * 1024) { IsBackground = true, Name = $"HyperTune kernel worker {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Dispatches of more than one part so far (tests check when work is split).</summary>
    public long Dispatches { get; private set; }

    /// <summary>Worker threads (the dispatching thread is not counted).</summary>
    public int Workers => _threads.Length;

    /// <summary>Threads that take part in a dispatch: the workers and the caller.</summary>
    public int Threads => _threads.Length + 1;

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
        long generation = ((Volatile.Read(ref _state) >> GenerationShift) + 1) & GenerationMask;
        Interlocked.Exchange(ref _state, (generation << GenerationShift) | ((long)parts << PartsShift));
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }

        RunParts(generation);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _completed) < parts)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _work = null;
    }

    /// <summary>Claims and runs parts of dispatch <paramref name="generation"/> until none is left.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Hot.Path)]
    private void RunParts(long generation)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            if ((state >> GenerationShift) != generation) return;
            int part = (int)(state & (MaxParts - 1));
            if (part >= (int)((state >> PartsShift) & (MaxParts - 1))) return;
            if (Interlocked.CompareExchange(ref _state, state + 1, state) != state) continue;

            // The claim succeeded, so the dispatch is still waiting for this part: its fields are current.
            _work!.Run(part);
            Interlocked.Increment(ref _completed);
        }
    }

    private void WorkerLoop()
    {
        long seen = 0;
        while (!_stopped)
        {
            long generation = WaitForDispatch(seen);
            if (_stopped) return;
            seen = generation;
            RunParts(generation);
        }
    }

    /// <summary>Spins, then blocks, until a dispatch newer than <paramref name="seen"/> is published.</summary>
    private long WaitForDispatch(long seen)
    {
        for (int i = 0; i < SpinIterations; i++)
        {
            long generation = Volatile.Read(ref _state) >> GenerationShift;
            if (generation != seen || _stopped) return generation;
            Thread.SpinWait(8);
        }

        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                while (true)
                {
                    long generation = Volatile.Read(ref _state) >> GenerationShift;
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
