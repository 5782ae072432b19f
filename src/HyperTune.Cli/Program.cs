using System;

namespace HyperTune.Cli;

/// <summary>The entry point of the <c>hypertune</c> tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => HyperTuneCommand.Run(args, Console.Out, Console.Error);
}
