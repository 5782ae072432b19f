using System.Diagnostics;

namespace HyperTune.Tests.Tuning;

/// <summary>A HyperTune.StudyWorker process (tests/HyperTune.StudyWorker), and the trials it says it finished.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerProcess(string storage, string study, int trials, string sampler, int seed, int delayMilliseconds, int parallel = 1)
    {
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "HyperTune.StudyWorker.dll");
        if (!File.Exists(worker))
        {
            throw new FileNotFoundException($"The study worker was not built beside the tests: {worker}.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { worker, storage, study, trials.ToString(), sampler, seed.ToString(), delayMilliseconds.ToString(), parallel.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add("stderr: " + e.Data);
                }
            }
        };
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the worker printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>The numbers of the trials the worker finished (complete or pruned).</summary>
    public IReadOnlyList<int> Finished => Lines.Where(l => l.StartsWith("finished ", StringComparison.Ordinal) && !l.EndsWith(" Failed", StringComparison.Ordinal))
        .Select(l => int.Parse(l.Split(' ')[1])).ToArray();

    /// <summary>Waits for the worker to exit and returns its exit code.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Kills the worker at once (SIGKILL), as a lost machine would stop.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
