using System.Runtime.InteropServices;

namespace HyperTune.Benchmarks.Tuning;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>, nanosecond resolution; Python's
/// <c>time.thread_time_ns</c> reads the same clock): on a machine shared by many processes it counts
/// only the time this thread ran, so overhead figures do not depend on how loaded the machine was.
/// Falls back to wall time elsewhere.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the thread CPU clock is available (otherwise figures are wall time).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The thread's CPU time so far, in nanoseconds.</summary>
    public static long Nanoseconds()
    {
        if (IsAvailable && TryRead(out long nanoseconds))
        {
            return nanoseconds;
        }

        return (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency));
    }

    private static bool TryRead(out long nanoseconds)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
            {
                nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        nanoseconds = 0;
        return false;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
