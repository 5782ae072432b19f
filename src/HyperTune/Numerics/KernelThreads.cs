using System;
using System.Threading;
using HyperTune.Numerics;

namespace HyperTune;

/// <summary>
/// How many threads the numeric kernels called on the current thread may use: the matrix products
/// of <see cref="DenseNetwork"/>'s forward and backward passes and the optimisers' updates. The
/// generated <c>Train</c> methods enter a scope with <see cref="TrainOptions.Threads"/> for the
/// run; a loop of your own can do the same with <see cref="Use(int)"/>.
/// </summary>
/// <remarks>
/// <para>Results never depend on the thread count: work is split by output (rows or 64-column
/// panels of a product, rows of a batch, slices of the parameters in an update), never by a
/// summed dimension, so every number is computed by the same operations in the same order
/// whichever thread computes it. One thread and eight give the same weights, bit for bit.</para>
/// <para>A product is split only above a work threshold (2²³, about 8.4 million multiply-adds,
/// some 150 µs on one core); the batch gather only from 2¹⁷ floats; an update when the step
/// before it split weight gradients of at least 2¹⁶ weights (then along the same rows, so that
/// each thread updates the gradients it computed, from its own cache) or above 2²⁰ parameters. Below them a split
/// costs more than it saves (the data a split passes between cores takes longer than the work),
/// so small networks and small batches stay on the calling thread whatever the setting.</para>
/// <para>The process shares its processors among the scopes open at once: a scope gets at most
/// what the open scopes have not reserved (at least one thread, the caller's). A single run may
/// use the whole machine, while runs started in parallel (for example trials of a tuner, which
/// should pass one thread each) do not multiply threads beyond the processors.</para>
/// </remarks>
public static class KernelThreads
{
    [ThreadStatic] private static ThreadScope? t_scope;
    private static int s_reserved;

    /// <summary>The threads kernels called on this thread use now: 1 outside any scope.</summary>
    public static int Current => t_scope?.Threads ?? 1;

    /// <summary>The worker team of this thread's scope, or null for one thread.</summary>
    internal static WorkerTeam? Team => t_scope?.Team;

    /// <summary>
    /// Lets kernels called on this thread use up to <paramref name="threads"/> threads (the caller
    /// included) until the returned scope is disposed, on this same thread. Fewer are granted when
    /// the processors are taken by other open scopes; never more than
    /// <see cref="Environment.ProcessorCount"/>. Scopes nest: disposing one restores the previous.
    /// </summary>
    /// <param name="threads">The most threads, at least 1. 1 keeps everything on the calling thread.</param>
    /// <returns>The scope; dispose it to release the threads.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is less than 1.</exception>
    public static IDisposable Use(int threads) => Use(threads, capToProcessors: true);

    /// <summary>
    /// <see cref="Use(int)"/>, optionally granting <paramref name="threads"/> even beyond the
    /// processors (tests check results for thread counts the machine does not have).
    /// </summary>
    internal static IDisposable Use(int threads, bool capToProcessors)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "Kernels need at least one thread.");
        int granted;
        int reserved;
        do
        {
            reserved = Volatile.Read(ref s_reserved);
            granted = capToProcessors ? Grant(threads, reserved, Environment.ProcessorCount) : threads;
        }
        while (Interlocked.CompareExchange(ref s_reserved, reserved + granted, reserved) != reserved);

        var scope = new ThreadScope(t_scope, granted > 1 ? WorkerTeam.Rent(granted - 1) : null, granted);
        t_scope = scope;
        return scope;
    }

    /// <summary>
    /// The rule: <paramref name="requested"/>, but no more than the processors that open scopes
    /// have not <paramref name="reserved"/>, and never fewer than one (the caller's own thread).
    /// </summary>
    internal static int Grant(int requested, int reserved, int processors)
        => Math.Max(1, Math.Min(requested, Math.Min(processors - reserved, processors)));

    private sealed class ThreadScope : IDisposable
    {
        private readonly ThreadScope? _previous;
        private readonly int _owner = Environment.CurrentManagedThreadId;
        private bool _disposed;

        public ThreadScope(ThreadScope? previous, WorkerTeam? team, int threads)
        {
            _previous = previous;
            Team = team;
            Threads = threads;
        }

        public WorkerTeam? Team { get; }

        public int Threads { get; }

        public void Dispose()
        {
            if (_disposed) return;
            if (Environment.CurrentManagedThreadId != _owner)
                throw new InvalidOperationException("A KernelThreads scope must be disposed on the thread that opened it.");
            _disposed = true;
            if (t_scope == this) t_scope = _previous;
            if (Team is not null) WorkerTeam.Return(Team);
            Interlocked.Add(ref s_reserved, -Threads);
        }
    }
}
