namespace HyperTune.StudyWorker;

/// <summary>Branin's two inputs, tuned by the worker.</summary>
public partial class WorkerConfig
{
    [Range(-5.0, 10.0)] public double X1 { get; set; }

    [Range(0.0, 15.0)] public double X2 { get; set; }

    /// <summary>Branin at this point (optimum 0.397887).</summary>
    public double Branin()
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        double u = X2 - (b * X1 * X1) + (c * X1) - 6;
        return (u * u) + (10 * (1 - t) * Math.Cos(X1)) + 10;
    }
}
