namespace HyperTune.Tuning;

/// <summary>
/// Chooses the point of a study's next trial in the unit encoding. Implementations are stateless
/// between calls (everything comes from the context), so that any process of a shared study can
/// propose the next trial; they are called under the storage's lock, one at a time per study.
/// </summary>
internal interface ISampler
{
    /// <summary>Proposes a point.</summary>
    /// <param name="context">The space, the study's trials (running ones included: the pending points), the direction and the trial's own random stream.</param>
    /// <returns>The point, or <see langword="null"/> when the sampler has nothing left to propose (an exhausted grid).</returns>
    SamplerProposal? Propose(SamplerContext context);
}
