using System.Globalization;
using HyperTune.Tuning;

namespace HyperTune.Tests.Tuning.Pruners;

/// <summary>
/// Replays the studies of Fixtures/optuna-3.1-pruners.txt, which Fixtures/optuna_pruners.py fed to
/// Optuna 3.1's own MedianPruner, SuccessiveHalvingPruner and HyperbandPruner (asynchronous workers,
/// skipped steps, ties, failed trials, both directions), and checks that HyperTune's pruners make every
/// decision Optuna made and put every trial in Optuna's bracket. No Python needed: the fixture holds the
/// inputs and Optuna's answers.
/// </summary>
public class OptunaCrossCheckTests
{
    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(
        Path.Combine(AppContext.BaseDirectory, "Tuning", "Pruners", "Fixtures", "optuna-3.1-pruners.txt")));

    public static TheoryData<string> Scenarios()
    {
        var names = new TheoryData<string>();
        foreach (string line in Lines.Value.Where(l => l.StartsWith("scenario ", StringComparison.Ordinal)))
        {
            names.Add(line.Split(' ')[1]);
        }

        return names;
    }

    public static TheoryData<string> BracketLines()
    {
        var lines = new TheoryData<string>();
        foreach (string line in Lines.Value.Where(l => l.StartsWith("brackets ", StringComparison.Ordinal)))
        {
            lines.Add(line.Split(' ')[1]);
        }

        return lines;
    }

    [Fact]
    public void The_fixture_covers_every_pruner_in_both_directions()
    {
        string[] scenarios = [.. Lines.Value.Where(l => l.StartsWith("scenario ", StringComparison.Ordinal))];
        foreach (string pruner in new[] { "median", "sh", "hyperband" })
        {
            foreach (string direction in new[] { "minimize", "maximize" })
            {
                Assert.Contains(scenarios, s => s.Contains($"pruner={pruner} ", StringComparison.Ordinal) && s.Contains($"direction={direction} ", StringComparison.Ordinal));
            }
        }

        Assert.True(Lines.Value.Count(l => l.StartsWith("report ", StringComparison.Ordinal)) > 5000);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Decides_as_optuna(string scenario)
    {
        int start = Array.FindIndex(Lines.Value, l => l.StartsWith($"scenario {scenario} ", StringComparison.Ordinal));
        Dictionary<string, string> settings = Settings(Lines.Value[start].Split(' ').Skip(2));
        IPruner pruner = settings["pruner"] switch
        {
            "median" => new MedianPruner(Int(settings, "startup"), Int(settings, "warmup"), Int(settings, "interval")),
            "sh" => new SuccessiveHalvingPruner(Int(settings, "min"), Int(settings, "eta"), Int(settings, "rate")),
            "hyperband" => new HyperbandPruner(Int(settings, "min"), Int(settings, "max"), Int(settings, "eta")),
            string other => throw new InvalidDataException($"Unknown pruner '{other}' in scenario {scenario}."),
        };
        var direction = settings["direction"] == "maximize" ? Direction.Maximize : Direction.Minimize;
        var study = new PrunerStudy(pruner, direction, maxResource: null, name: settings["study"]);

        var mismatches = new List<string>();
        int decisions = 0, prunes = 0;
        for (int i = start + 1; Lines.Value[i] != "end"; i++)
        {
            string[] parts = Lines.Value[i].Split(' ');
            int number = int.Parse(parts[1], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case "trial":
                    Assert.Equal(number, study.Start());
                    string bracket = parts[2]["bracket=".Length..];
                    Assert.True(
                        (bracket == "none" ? null : int.Parse(bracket, CultureInfo.InvariantCulture)) == study.Trials[number].Bracket,
                        $"Trial {number}: Optuna's bracket is {bracket}, ours {study.Trials[number].Bracket}.");
                    break;
                case "report":
                    int step = int.Parse(parts[2], CultureInfo.InvariantCulture);
                    double value = double.Parse(parts[3], CultureInfo.InvariantCulture);
                    bool optuna = parts[4] == "1";
                    bool ours = study.Report(number, step, value);
                    decisions++;
                    prunes += optuna ? 1 : 0;
                    if (ours != optuna)
                    {
                        mismatches.Add($"line {i + 1}: trial {number} step {step} value {parts[3]}: Optuna {(optuna ? "prunes" : "keeps")}, HyperTune {(ours ? "prunes" : "keeps")}");
                    }

                    break;
                case "finish":
                    study.Finish(number, parts[2] switch
                    {
                        "complete" => TrialState.Complete,
                        "pruned" => TrialState.Pruned,
                        "failed" => TrialState.Failed,
                        string other => throw new InvalidDataException($"Unknown state '{other}' on line {i + 1}."),
                    });
                    break;
                default:
                    throw new InvalidDataException($"Unknown event '{parts[0]}' on line {i + 1}.");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {decisions} decisions differ:\n{string.Join('\n', mismatches.Take(20))}");
        Assert.InRange(prunes, 10, decisions - 10);
    }

    [Theory]
    [MemberData(nameof(BracketLines))]
    public void Assigns_brackets_as_optuna(string study)
    {
        string[] parts = Lines.Value.Single(l => l.StartsWith($"brackets {study} ", StringComparison.Ordinal)).Split(' ');
        Dictionary<string, string> settings = Settings(parts.Skip(1).Take(4));
        var pruner = new HyperbandPruner(Int(settings, "min"), Int(settings, "max"), Int(settings, "eta"));
        int[] optuna = [.. parts.Skip(5).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        int[] ours = [.. Enumerable.Range(0, optuna.Length).Select(n => pruner.AssignBracket(settings["study"], n, seed: 7)!.Value)];
        Assert.Equal(300, optuna.Length);
        Assert.Equal(optuna, ours);
    }

    private static Dictionary<string, string> Settings(IEnumerable<string> pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    private static int Int(Dictionary<string, string> settings, string key) => int.Parse(settings[key], CultureInfo.InvariantCulture);
}
