using System.Diagnostics;
using System.Globalization;

namespace Hyperparameters;

/// <summary>How big the runs are: the full figures, or a quick pass (few epochs and rows) for tests.</summary>
/// <param name="Quick">Whether to cut epochs, rows and seeds down.</param>
/// <param name="Output">Where the numbers behind each figure are printed.</param>
public sealed record RunSettings(bool Quick, TextWriter Output)
{
    /// <summary>The full count, or the quick one.</summary>
    public int Pick(int full, int quick) => Quick ? quick : full;
}

/// <summary>One figure: its file, its size and the experiment that draws it.</summary>
/// <param name="File">The PNG's file name.</param>
/// <param name="Width">Its width in pixels.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="Claim">The claim it checks, as a heading.</param>
public sealed record Figure(string File, int Width, int Height, string Claim)
{
    internal Action<Datasets, RunSettings, string> Draw { get; init; } = (_, _, _) => { };

    /// <summary>The six figures, in the order of docs/hyperparameters.md.</summary>
    public static IReadOnlyList<Figure> All { get; } =
    [
        new("learning-rate.png", Chart.Width, Chart.Height, "1. Learning rate") { Draw = LearningRateFigure.Draw },
        new("learning-rate-decay.png", Chart.WideWidth, Chart.Height, "2. Learning-rate decay") { Draw = DecayFigure.Draw },
        new("batch-size.png", Chart.WideWidth, Chart.Height, "3. Batch size") { Draw = BatchSizeFigure.Draw },
        new("early-stopping.png", Chart.Width, Chart.Height, "4. Early stopping") { Draw = EarlyStoppingFigure.Draw },
        new("hidden-units.png", Chart.Width, Chart.Height, "5. Hidden units") { Draw = HiddenUnitsFigure.Draw },
        new("depth.png", Chart.Width, Chart.Height, "6. Depth") { Draw = DepthFigure.Draw },
    ];
}

/// <summary>The sample's entry point, callable from tests.</summary>
public static class Sample
{
    /// <summary>
    /// Draws every figure into a folder: <c>[folder] [--quick]</c>. The folder defaults to
    /// <c>docs/images</c> of the repository that holds the current directory.
    /// </summary>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        bool quick = false;
        string? folder = null;
        foreach (string arg in args)
        {
            if (arg == "--quick") quick = true;
            else if (arg is "--help" or "-h")
            {
                output.WriteLine("Usage: Hyperparameters [folder] [--quick]");
                output.WriteLine("  folder   where the PNGs go (default: docs/images of the repository around the current directory)");
                output.WriteLine("  --quick  few epochs, rows and seeds: checks the sample runs, not the claims");
                return 0;
            }
            else if (arg.StartsWith('-')) { output.WriteLine($"Unknown option '{arg}'; see --help."); return 2; }
            else if (folder is null) folder = arg;
            else { output.WriteLine($"One folder only: got '{folder}' and '{arg}'."); return 2; }
        }

        folder ??= DefaultFolder();
        if (folder is null)
        {
            output.WriteLine("No repository (HyperTune.Generators.sln) around the current directory: pass the folder for the PNGs.");
            return 2;
        }

        Directory.CreateDirectory(folder);
        var data = Datasets.Load(Path.Combine(AppContext.BaseDirectory, "data"));
        var settings = new RunSettings(quick, output);
        output.WriteLine($"Data: digits {data.Digits}; breast cancer {data.BreastCancer}; diabetes {data.Diabetes}.");
        output.WriteLine(quick ? "Quick mode: few epochs and rows; the numbers below do not back the claims." : "Full mode.");
        var total = Stopwatch.StartNew();
        foreach (var figure in Figure.All)
        {
            var clock = Stopwatch.StartNew();
            output.WriteLine();
            output.WriteLine($"## {figure.Claim}");
            figure.Draw(data, settings, Path.Combine(folder, figure.File));
            output.WriteLine($"-> {Path.GetFullPath(Path.Combine(folder, figure.File))} ({clock.Elapsed.TotalSeconds:0.0} s)");
        }

        output.WriteLine();
        output.WriteLine($"Done in {total.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static string? DefaultFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HyperTune.Generators.sln"))) return Path.Combine(dir.FullName, "docs", "images");
        }

        return null;
    }
}
