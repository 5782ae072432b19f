using System.Runtime.CompilerServices;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>Finds files of the repository from the test sources' location.</summary>
internal static class RepositoryPaths
{
    public static string Root([CallerFilePath] string callerPath = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(callerPath)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperTune.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No repository root above " + callerPath);
    }
}
