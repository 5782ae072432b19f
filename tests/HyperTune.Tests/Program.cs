namespace HyperTune.Tests;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is turned off): the test runner never
/// calls it; tests start the assembly as a child process with a verb to play a worker they can kill.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args.Length > 0 && args[0] == Tuning.Storage.SqliteCrashWorker.Verb ? Tuning.Storage.SqliteCrashWorker.Run(args) : 0;
}
