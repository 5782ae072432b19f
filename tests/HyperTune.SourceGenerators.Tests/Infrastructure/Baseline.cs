using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace HyperTune.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// Compares generated code with a committed baseline (<c>Baselines/{name}.g.cs.txt</c>) line by line.
/// On a mismatch it writes <c>{name}.g.cs.received.txt</c> next to it (git-ignored) and fails with a
/// readable diff; with <c>HYPERTUNE_UPDATE_BASELINES=1</c> it rewrites the baseline instead.
/// </summary>
internal static class Baseline
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(ProjectDirectory(callerPath), "Baselines");
        string expectedPath = Path.Combine(directory, name + ".g.cs.txt");
        string receivedPath = Path.Combine(directory, name + ".g.cs.received.txt");
        actual = Normalize(actual);

        if (Environment.GetEnvironmentVariable("HYPERTUNE_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        string expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : string.Empty;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"Generated code differs from {expectedPath} (received: {receivedPath}; set HYPERTUNE_UPDATE_BASELINES=1 to accept it):\n{Diff(expected, actual)}");
    }

    /// <summary>A unified-style diff: changed lines with their numbers, a little context around them.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        var lines = model.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            bool near = Enumerable.Range(Math.Max(0, i - 2), Math.Min(lines.Count, i + 3) - Math.Max(0, i - 2))
                .Any(j => lines[j].Type != ChangeType.Unchanged);
            if (!near)
            {
                continue;
            }

            string marker = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            text.Append(marker).Append(lines[i].Position?.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) ?? "    ").Append(' ').AppendLine(lines[i].Text);
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ProjectDirectory(string callerPath)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(callerPath)!); directory is not null; directory = directory.Parent)
        {
            if (directory.GetFiles("*.csproj").Length > 0)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No project directory above " + callerPath);
    }
}
