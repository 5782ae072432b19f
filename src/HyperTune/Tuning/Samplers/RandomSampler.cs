namespace HyperTune.Tuning;

/// <summary>
/// Independent uniform draws in the unit encoding: uniform on linear ranges, log-uniform on log ranges
/// (the encoding is in the logarithm), each candidate equally likely. Draws from the trial's own
/// stream only, so the study's points do not depend on the order trials finish in.
/// </summary>
internal sealed class RandomSampler : ISampler
{
    /// <inheritdoc/>
    public SamplerProposal? Propose(SamplerContext context)
    {
        var unit = new double[context.Space.Count];
        for (int i = 0; i < unit.Length; i++)
        {
            unit[i] = context.Random.NextDouble();
        }

        return new SamplerProposal(unit);
    }
}
