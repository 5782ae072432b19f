using System.Diagnostics;

namespace HyperTune.Samples.Tests;

/// <summary>Runs a sample's built program as a user does (<c>dotnet Sample.dll args</c>) and keeps what it printed.</summary>
internal static class SampleProcess
{
    /// <summary>Runs samples/<paramref name="name"/> with arguments, in <paramref name="workingDirectory"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, string workingDirectory, params string[] args)
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string program = Path.Combine(RepositoryRoot(), "samples", name, "bin", configuration, "net10.0", name + ".dll");
        Assert.True(File.Exists(program), $"{program} was not built.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(program);
        foreach (string argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HyperTune.Generators.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No HyperTune.Generators.sln above {AppContext.BaseDirectory}.");
    }
}
