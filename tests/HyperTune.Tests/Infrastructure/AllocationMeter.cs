namespace HyperTune.Tests.Infrastructure;

/// <summary>
/// Measures what an action allocates on the current thread. A one-off runtime event on this thread
/// (a tier-up, an on-stack replacement) may allocate once, under load especially; an allocation per
/// call, per step or per epoch shows in every measurement. So the meter runs the action up to three
/// times and keeps the least.
/// </summary>
internal static class AllocationMeter
{
    public static long LeastAllocatedBytes(Action action, int attempts = 3)
    {
        long least = long.MaxValue;
        for (int attempt = 0; attempt < attempts && least != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
