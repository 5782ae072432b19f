using HyperTune.SourceGenerators.Configs;
using HyperTune.SourceGenerators.Configs.Model;
using HyperTune.SourceGenerators.Helpers;

namespace HyperTune.SourceGenerators.Tuning;

/// <summary>
/// Writes the tuner's glue: the search space as an <c>ISearchSpace&lt;C&gt;</c> the library's tuner works
/// with, and the static <c>Tune</c> entry points. Thin on purpose: studies, samplers, pruners and
/// storage are ordinary generic library code (<c>HyperTune.Tuner</c>), tested once.
/// </summary>
internal static class TuneEmitter
{
    private const string Tasks = "global::System.Threading.Tasks.";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    /// <summary>The private method of the nested <c>SearchSpace</c> class that <c>CreateDefault</c> calls.</summary>
    public const string NewDefaultMethodName = "NewDefault";

    /// <summary>
    /// Whether a config's search space implements <c>ISearchSpace</c>: it has at least one dimension to
    /// tune (fixed settings and <c>[Epochs]</c> are not dimensions).
    /// </summary>
    public static bool HasTuner(ConfigSpec config) => config.SearchSpace.Dimensions.Count > 0;

    /// <summary>Whether a config gets the static <c>Tune</c> methods: it has a tuner and can hold members named <c>Tune</c>.</summary>
    public static bool HasTuneMethods(ConfigSpec config) => HasTuner(config) && config.CanDeclareTune;

    /// <summary>Writes, inside the nested <c>SearchSpace</c> class, its <c>Definition</c>.</summary>
    public static void WriteDefinition(ConfigSpec config, SourceWriter writer)
    {
        if (!HasTuner(config))
        {
            return;
        }

        string type = config.FullyQualifiedName;
        string space = type + "." + ConfigParser.SearchSpaceClassName;
        writer.WriteLine();
        writer.WriteLine("/// <summary>This search space as the library's tuner and your own tools take it.</summary>");
        writer.WriteLine($"public static global::HyperTune.ISearchSpace<{type}> Definition {{ get; }} = new DefinitionImpl();");
        writer.WriteLine();
        writer.WriteLine("private sealed class DefinitionImpl : global::HyperTune.ISearchSpace<" + type + ">");
        writer.OpenBlock();
        writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyList<global::HyperTune.Dimension> Dimensions => {space}.Dimensions;");
        writer.WriteLine();
        writer.WriteLine($"public string Fingerprint => {space}.Fingerprint;");
        writer.WriteLine();
        writer.WriteLine($"public void Encode({type} config, global::System.Span<double> unit) => {space}.Encode(config, unit);");
        writer.WriteLine();
        writer.WriteLine($"public {type} Decode(global::System.ReadOnlySpan<double> unit) => {space}.Decode(unit);");
        writer.WriteLine();
        writer.WriteLine($"public global::System.Collections.Generic.IEnumerable<{type}> Grid(int pointsPerRange) => {space}.Grid(pointsPerRange);");
        writer.WriteLine();
        writer.WriteLine($"public long CountGrid(int pointsPerRange) => {space}.CountGrid(pointsPerRange);");
        writer.WriteLine();
        writer.WriteLine($"public {type} CreateDefault() => {space}.{NewDefaultMethodName}();");
        writer.CloseBlock();
    }

    /// <summary>Writes, at the config's level, the <c>Tune</c> methods.</summary>
    public static void WriteTune(ConfigSpec config, SourceWriter writer, string version)
    {
        if (!HasTuneMethods(config))
        {
            return;
        }

        string type = config.FullyQualifiedName;
        string study = $"{Tasks}Task<global::HyperTune.Study<{type}>>";
        string definition = type + "." + ConfigParser.SearchSpaceClassName + ".Definition";
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Tunes <see cref=\"{type}\"/> against your objective: runs trials (configs chosen by the");
        writer.WriteLine("/// sampler of <paramref name=\"options\"/>) until the study has <see cref=\"global::HyperTune.TuneOptions.Trials\"/>");
        writer.WriteLine("/// finished trials, in parallel when asked, resuming a stored study of the same name.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"objective\">Evaluates a config: the value to minimise (or maximise); report intermediate values through the context to allow pruning. A throw or NaN fails that trial only.</param>");
        writer.WriteLine("/// <param name=\"options\">Trials, sampler, pruner, direction, seed, parallelism, study name and storage.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Stops the study: running trials are recorded as interrupted (retried when it resumes), then <see cref=\"global::System.OperationCanceledException\"/> is thrown.</param>");
        writer.WriteLine("/// <returns>The study: every trial in number order, and the best.</returns>");
        writer.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"HyperTune\", \"{version}\")]");
        writer.WriteLine($"public static {study} Tune(global::System.Func<{type}, global::HyperTune.TrialContext, {CancellationToken}, {Tasks}ValueTask<double>> objective, global::HyperTune.TuneOptions options, {CancellationToken} cancellationToken = default)");
        writer.Indent();
        writer.WriteLine($"=> global::HyperTune.Tuner.TuneAsync({definition}, objective, options, cancellationToken);");
        writer.Unindent();

        if (config.Training is not { } training)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Tunes <see cref=\"{type}\"/> with the generated training loop as the objective: each trial");
        writer.WriteLine("/// trains on <paramref name=\"train\"/>, reports every epoch's validation loss to the pruner (and stops");
        writer.WriteLine("/// at once when pruned), and scores its best validation loss. Trials that run in parallel train");
        writer.WriteLine("/// on one thread each unless <see cref=\"global::HyperTune.TuneOptions.Training\"/> says otherwise. No trained");
        writer.WriteLine("/// model is kept per trial: retrain the best config.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"train\">The training data.</param>");
        writer.WriteLine("/// <param name=\"validation\">The validation data every trial is scored on.</param>");
        writer.WriteLine("/// <param name=\"options\">Trials, sampler, pruner, seed, parallelism, study name and storage; the direction must be <see cref=\"global::HyperTune.Direction.Minimize\"/>.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Stops the study: running trials are recorded as interrupted (retried when it resumes), then <see cref=\"global::System.OperationCanceledException\"/> is thrown.</param>");
        writer.WriteLine("/// <returns>The study: every trial in number order, and the best.</returns>");
        writer.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"HyperTune\", \"{version}\")]");
        string modifier = config.HidesInheritedTrainingTune ? "public new static" : "public static";
        writer.WriteLine($"{modifier} {study} Tune(global::HyperTune.Dataset train, global::HyperTune.Dataset validation, global::HyperTune.TuneOptions options, {CancellationToken} cancellationToken = default)");
        writer.Indent();

        // The epochs a trial trains at most bound the pruners' resource; without [Epochs] the tuner
        // takes the largest step reported so far.
        string epochs = training.Epochs is { } epochsRole ? $"static config => config.{epochsRole.Identifier}" : "null";
        writer.WriteLine($"=> global::HyperTune.Tuner.TuneTrainingAsync({definition}, static (config, trainData, validationData, trainOptions, token) => config.Train(trainData, validationData, trainOptions, token), {epochs}, train, validation, options, cancellationToken);");
        writer.Unindent();
    }
}
