using System.Collections.Generic;
using System.Linq;
using HyperTune.SourceGenerators.Configs.Model;
using HyperTune.SourceGenerators.Helpers;
using HyperTune.SourceGenerators.Training.Model;

namespace HyperTune.SourceGenerators.Training;

/// <summary>
/// Writes a config's <c>Train</c> methods: the mini-batch loop a person would write by hand for
/// that config. What the config fixes at compile time (the decay, the monitors, the guards) is
/// emitted inline or left out; what varies per trial (the optimiser among candidates) is chosen
/// once per run. The policies are the runtime's <c>LearningRateSchedule</c>,
/// <c>EarlyStoppingMonitor</c> and <c>ValidationMonitorState</c>, so users with their own loop and
/// the generated one can never disagree.
/// </summary>
internal static class TrainingEmitter
{
    private const string Ns = "global::HyperTune.";
    private static readonly string s_version = typeof(TrainingEmitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static void Write(ConfigSpec config, TrainingSpec spec, SourceWriter writer)
    {
        WriteDatasetOverload(config, spec, writer);
        writer.WriteLine();
        WriteModelOverload(config, spec, writer);
    }

    private static void WriteDatasetOverload(ConfigSpec config, TrainingSpec spec, SourceWriter w)
    {
        w.WriteLine("/// <summary>");
        w.WriteLine("/// Trains a dense network with this config's hyperparameters as they are set (the search space's");
        w.WriteLine("/// bounds are for tuning, not for training). Features, and regression targets, are standardised on");
        w.WriteLine("/// <paramref name=\"train\"/>'s statistics; the returned model takes raw rows, predicts raw targets and");
        w.WriteLine("/// records this config's values and search-space fingerprint.");
        w.WriteLine("/// </summary>");
        WriteCommonParameterDocs(spec, w);
        w.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"HyperTune\", \"{s_version}\")]");
        w.WriteLine($"public {Ns}TrainingResult Train({Ns}Dataset train, {Ns}Dataset? validation = null, {Ns}TrainOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.OpenBlock();
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(train);");
        w.WriteLine($"options ??= {Ns}TrainOptions.Default;");
        w.WriteLine($"var data = {Ns}StandardizedData.Fit(train, validation);");
        w.WriteLine($"var network = new {Ns}DenseNetwork(");
        w.Indent();
        w.WriteLine("train.FeatureCount,");
        w.WriteLine("data.OutputCount,");
        w.WriteLine("train.Task,");
        w.WriteLine($"hiddenLayers: {Int(spec.HiddenLayers, "1")},");
        w.WriteLine($"hiddenUnits: {Int(spec.HiddenUnits, "128")},");
        w.WriteLine($"activation: {(spec.Activation is { } activation ? "this." + activation.Identifier : Ns + "Activation.Relu")},");
        w.WriteLine($"dropout: {Real(spec.Dropout, "0.0")},");
        w.WriteLine("seed: options.Seed);");
        w.Unindent();
        w.WriteLine("var result = Train(network, data.Train, data.Validation, options, cancellationToken);");
        w.WriteLine($"return result.WithModel(data.CreateModel(network, {Metadata(config, spec)}));");
        w.CloseBlock();
    }

    private static void WriteModelOverload(ConfigSpec config, TrainingSpec spec, SourceWriter w)
    {
        w.WriteLine("/// <summary>");
        w.WriteLine("/// Trains <paramref name=\"model\"/> (the built-in dense network or a model of your own) with this");
        w.WriteLine("/// config's hyperparameters as they are set, on data used as given (no standardisation).");
        w.WriteLine("/// </summary>");
        w.WriteLine("/// <param name=\"model\">The model to train; its parameters are updated in place.</param>");
        WriteCommonParameterDocs(spec, w);
        w.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"HyperTune\", \"{s_version}\")]");
        w.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        w.WriteLine($"public {Ns}TrainingResult Train({Ns}ITrainableModel model, {Ns}Dataset train, {Ns}Dataset? validation = null, {Ns}TrainOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.OpenBlock();
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(model);");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(train);");
        w.WriteLine($"options ??= {Ns}TrainOptions.Default;");
        WriteChecks(config, spec, w);
        w.WriteLine();
        w.WriteLine($"using var threads = {Ns}KernelThreads.Use(options.Threads);");
        WriteSetup(spec, w);
        w.WriteLine();
        WriteLoop(spec, w);
        w.WriteLine();
        WriteResult(spec, w);
        w.CloseBlock();
    }

    private static void WriteCommonParameterDocs(TrainingSpec spec, SourceWriter w)
    {
        w.WriteLine("/// <param name=\"train\">The training data.</param>");
        w.WriteLine($"/// <param name=\"validation\">The validation data{ValidationUse(spec)}; <see langword=\"null\"/> for none.</param>");
        w.WriteLine("/// <param name=\"options\">The seed, a progress sink and the thread count; <see langword=\"null\"/> for the defaults.</param>");
        w.WriteLine("/// <param name=\"cancellationToken\">Checked before every step: once cancelled, training stops and <see cref=\"global::System.OperationCanceledException\"/> is thrown.</param>");
        w.WriteLine("/// <returns>The per-epoch history, why training stopped, the best epoch and the trained model.</returns>");
        w.WriteLine("/// <remarks>");
        foreach (string line in PolicySummary(spec))
        {
            w.WriteLine("/// " + line);
        }

        w.WriteLine("/// </remarks>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A hyperparameter cannot train at all (a learning rate that is not above 0 and finite as a <see cref=\"float\"/>, a batch size or epoch count below 1), or the training or validation data does not fit the model.</exception>");
        w.WriteLine("/// <exception cref=\"global::System.OperationCanceledException\"><paramref name=\"cancellationToken\"/> was cancelled.</exception>");
    }

    private static string ValidationUse(TrainingSpec spec)
    {
        var uses = new List<string> { "evaluated after every epoch" };
        if (spec.EarlyStopping is not null)
        {
            uses.Add("watched by early stopping");
        }

        if (spec.ValidationMonitor is not null)
        {
            uses.Add("watched by the validation monitor");
        }

        return ": " + string.Join(", ", uses);
    }

    private static IEnumerable<string> PolicySummary(TrainingSpec spec)
    {
        yield return "<para>The loop: each epoch reshuffles the data, and each mini-batch runs forward and backward";
        yield return "passes and one fused optimiser update. Policies fixed by this config:</para>";
        yield return "<list type=\"bullet\">";
        yield return spec.Decay is null
            ? "<item>A constant learning rate.</item>"
            : "<item>The learning rate follows <c>[LearningRateDecay]</c>, epoch by epoch, as the PyTorch scheduler of the same kind.</item>";
        if (spec.EarlyStopping is not null)
        {
            yield return $"<item>Early stopping on the validation {(spec.EarlyStoppingMonitorsAccuracy ? "accuracy" : "loss")}, with Keras' rules{(spec.RestoreBestWeights ? "; the best epoch's weights are restored at the end" : string.Empty)}. Without validation data it does not act.</item>";
        }

        if (spec.ValidationMonitor is not null)
        {
            yield return $"<item>A validation monitor on the {(spec.ValidationMonitorWatchesAccuracy ? "accuracy" : "loss")}, evaluated every N steps with TensorFlow's rules. Without validation data it does not act.</item>";
        }

        if (spec.StopAtStep is { } step)
        {
            yield return $"<item>Training stops after step {step}.</item>";
        }

        yield return spec.StopOnNaN
            ? "<item>A NaN or infinite loss stops training and marks the result failed.</item>"
            : "<item>A NaN or infinite loss does not stop training (<c>[StopOnNaN(Enabled = false)]</c>).</item>";
        yield return "</list>";
    }

    private static void WriteChecks(ConfigSpec config, TrainingSpec spec, SourceWriter w)
    {
        string lr = spec.LearningRate.Identifier;
        w.WriteLine($"double learningRate = this.{lr};");
        w.WriteLine("if (!((float)learningRate > 0) || float.IsPositiveInfinity((float)learningRate))");
        w.OpenBlock();
        w.WriteLine($"throw new global::System.ArgumentException($\"{config.DisplayName}.{Trim(lr)} is {{learningRate}}, but training needs a learning rate that is above 0 and finite as a float (the loop steps in single precision).\", \"{Trim(lr)}\");");
        w.CloseBlock();

        w.WriteLine($"int batchSize = {Int(spec.BatchSize, "32")};");
        if (spec.BatchSize is { } batch)
        {
            w.WriteLine("if (batchSize < 1)");
            w.OpenBlock();
            w.WriteLine($"throw new global::System.ArgumentException($\"{config.DisplayName}.{Trim(batch.Identifier)} is {{batchSize}}, but a mini-batch needs at least 1 row.\", \"{Trim(batch.Identifier)}\");");
            w.CloseBlock();
        }

        string epochs = spec.Epochs.Identifier;
        w.WriteLine($"int maxEpochs = this.{epochs};");
        w.WriteLine("if (maxEpochs < 1)");
        w.OpenBlock();
        w.WriteLine($"throw new global::System.ArgumentException($\"{config.DisplayName}.{Trim(epochs)} is {{maxEpochs}}, but training needs at least 1 epoch.\", \"{Trim(epochs)}\");");
        w.CloseBlock();

        w.WriteLine("if (train.Task != model.Task || train.FeatureCount != model.InputCount)");
        w.OpenBlock();
        w.WriteLine("throw new global::System.ArgumentException($\"The model takes {model.InputCount} features for {model.Task}, but the training data has {train.FeatureCount} for {train.Task}.\", nameof(train));");
        w.CloseBlock();
        w.WriteLine("if (validation is not null)");
        w.OpenBlock();
        w.WriteLine($"{Ns}StandardizedData.CheckValidation(model.Task, model.InputCount, model.OutputCount, validation);");
        w.CloseBlock();
    }

    private static void WriteSetup(TrainingSpec spec, SourceWriter w)
    {
        string weightDecay = Real(spec.WeightDecay, "0.0");
        if (spec.Optimizer is { } optimizer)
        {
            w.WriteLine("// The optimiser is a trial's choice: picked once per run, never per step or element.");
            w.WriteLine($"{Ns}IOptimizer optimizer = {Ns}OptimizerFactory.Create(this.{optimizer.Identifier}, model.Parameters.Length, momentum: {Real(spec.Momentum, "0.9")}, weightDecay: {weightDecay});");
        }
        else
        {
            w.WriteLine($"var optimizer = new {Ns}SgdOptimizer({weightDecay});");
        }

        if (spec.Decay is { } decay)
        {
            w.WriteLine($"var schedule = {Ns}LearningRateSchedule.Create({New("LearningRateDecayAttribute", decay)}, learningRate);");
        }

        if (spec.EarlyStopping is { } earlyStopping)
        {
            w.WriteLine($"var earlyStopping = new {Ns}EarlyStoppingMonitor({New("EarlyStoppingAttribute", earlyStopping)});");
            if (spec.RestoreBestWeights)
            {
                w.WriteLine("float[]? bestWeights = null;");
            }
        }

        if (spec.ValidationMonitor is { } monitor)
        {
            w.WriteLine($"var validationMonitor = new {Ns}ValidationMonitorState({New("ValidationMonitorAttribute", monitor)});");
        }

        w.WriteLine($"var sampler = new {Ns}MiniBatchSampler(train, batchSize, options.Seed);");
        w.WriteLine($"var evaluator = validation is null ? null : new {Ns}ModelEvaluator(model);");
        w.WriteLine($"var history = new global::System.Collections.Generic.List<{Ns}EpochRecord>(global::System.Math.Min(maxEpochs, 1024));");
        w.WriteLine($"var stopReason = {Ns}StopReason.MaxEpochs;");
        w.WriteLine("long step = 0;");
    }

    private static void WriteLoop(TrainingSpec spec, SourceWriter w)
    {
        w.WriteLine($"for (int epoch = 0; epoch < maxEpochs && stopReason == {Ns}StopReason.MaxEpochs; epoch++)");
        w.OpenBlock();
        w.WriteLine(spec.Decay is null ? "double epochRate = learningRate;" : "double epochRate = schedule.LearningRate;");
        w.WriteLine("float stepRate = (float)epochRate;");
        w.WriteLine("double lossSum = 0;");
        w.WriteLine("int batches = 0;");
        w.WriteLine("sampler.Shuffle();");
        w.WriteLine("for (int index = 0; index < sampler.BatchCount; index++)");
        w.OpenBlock();
        w.WriteLine("cancellationToken.ThrowIfCancellationRequested();");
        w.WriteLine("float loss = model.ForwardBackward(sampler.GetBatch(index));");
        w.WriteLine("lossSum += loss;");
        w.WriteLine("batches++;");
        if (spec.StopOnNaN)
        {
            w.WriteLine("if (!float.IsFinite(loss))");
            w.OpenBlock();
            w.WriteLine($"stopReason = {Ns}StopReason.NaNLoss;");
            w.WriteLine("break;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine("optimizer.Step(model.Parameters, model.Gradients, stepRate);");
        w.WriteLine("step++;");
        if (spec.ValidationMonitor is not null)
        {
            string metric = spec.ValidationMonitorWatchesAccuracy ? "Accuracy ?? double.NaN" : "Loss";
            w.WriteLine("if (evaluator is not null && validationMonitor.ShouldEvaluate(step) &&");
            w.WriteLine($"    validationMonitor.Evaluate(step, evaluator.Evaluate(validation!).{metric}))");
            w.OpenBlock();
            w.WriteLine($"stopReason = {Ns}StopReason.ValidationMonitor;");
            w.WriteLine("break;");
            w.CloseBlock();
        }

        if (spec.StopAtStep is { } last)
        {
            w.WriteLine($"if (step >= {last}L)");
            w.OpenBlock();
            w.WriteLine($"stopReason = {Ns}StopReason.StopAtStep;");
            w.WriteLine("break;");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("// Every epoch, complete or cut short, is evaluated and recorded.");
        w.WriteLine($"var evaluation = evaluator is null ? ({Ns}Evaluation?)null : evaluator.Evaluate(validation!);");
        w.WriteLine($"var record = new {Ns}EpochRecord(epoch, step, epochRate, batches == 0 ? double.NaN : lossSum / batches, evaluation?.Loss, evaluation?.Accuracy);");
        w.WriteLine("if (batches > 0)");
        w.OpenBlock();
        w.WriteLine("history.Add(record);");
        w.WriteLine("options.Progress?.Report(record);");
        w.WriteLine($"if (stopReason == {Ns}StopReason.MaxEpochs && options.Trial is {{ }} tuningTrial && tuningTrial.ReportEpoch(record))");
        w.OpenBlock();
        w.WriteLine($"stopReason = {Ns}StopReason.Pruned;");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        if (spec.EarlyStopping is not null || spec.Decay is not null)
        {
            w.WriteLine($"if (stopReason != {Ns}StopReason.MaxEpochs)");
            w.OpenBlock();
            w.WriteLine("break;");
            w.CloseBlock();
        }

        if (spec.EarlyStopping is not null)
        {
            w.WriteLine();
            string monitored = spec.EarlyStoppingMonitorsAccuracy ? "monitored.Accuracy ?? double.NaN" : "monitored.Loss";
            w.WriteLine("if (evaluation is { } monitored)");
            w.OpenBlock();
            w.WriteLine($"bool stop = earlyStopping.EndEpoch({monitored});");
            if (spec.RestoreBestWeights)
            {
                w.WriteLine("if (earlyStopping.ImprovedLastEpoch)");
                w.OpenBlock();
                w.WriteLine("bestWeights ??= new float[model.Parameters.Length];");
                w.WriteLine("model.Parameters.CopyTo(bestWeights);");
                w.CloseBlock();
            }

            w.WriteLine("if (stop)");
            w.OpenBlock();
            w.WriteLine($"stopReason = {Ns}StopReason.EarlyStopping;");
            w.WriteLine("break;");
            w.CloseBlock();
            w.CloseBlock();
        }

        if (spec.Decay is not null)
        {
            w.WriteLine();
            w.WriteLine(spec.DecayIsPlateau
                ? "schedule.EndEpoch(evaluation?.Loss ?? record.TrainLoss);"
                : "schedule.EndEpoch();");
        }

        w.CloseBlock();
    }

    private static void WriteResult(TrainingSpec spec, SourceWriter w)
    {
        if (spec.EarlyStopping is not null && spec.RestoreBestWeights)
        {
            w.WriteLine("// As Keras 3: the best weights come back at the end, whether or not training stopped early.");
            w.WriteLine("if (bestWeights is not null && earlyStopping.ShouldRestoreBestWeights)");
            w.OpenBlock();
            w.WriteLine("bestWeights.CopyTo(model.Parameters);");
            w.CloseBlock();
            w.WriteLine();
        }

        if (spec.EarlyStopping is not null)
        {
            w.WriteLine("int? bestEpoch = earlyStopping.BestEpoch;");
        }
        else
        {
            w.WriteLine($"int? bestEpoch = {Ns}TrainingResult.BestFiniteEpoch(history);");
        }

        w.WriteLine();
        w.WriteLine($"return new {Ns}TrainingResult(history, stopReason, bestEpoch, bestEpoch is int bestIndex ? history[bestIndex].ValidationLoss : null, new {Ns}TrainedModel(model, null));");
    }

    /// <summary>The model's metadata: the search-space fingerprint, then every dimension's value and every training role's that is not a dimension.</summary>
    private static string Metadata(ConfigSpec config, TrainingSpec spec)
    {
        var names = new List<string>();
        foreach (var dimension in config.SearchSpace.Dimensions)
        {
            names.Add(dimension.Identifier);
        }

        var roles = new[] { spec.LearningRate, spec.Epochs, spec.BatchSize, spec.HiddenLayers, spec.HiddenUnits, spec.Optimizer, spec.Momentum, spec.WeightDecay, spec.Dropout, spec.Activation };
        foreach (var role in roles)
        {
            if (role is not null && !names.Contains(role.Identifier))
            {
                names.Add(role.Identifier);
            }
        }

        var pairs = names.Select(static identifier => $"(\"{Trim(identifier)}\", this.{identifier})");
        return $"{Ns}ModelMetadata.FromConfig({config.FullyQualifiedName}.SearchSpace.Fingerprint, {string.Join(", ", pairs)})";
    }

    private static string New(string attribute, AttributeInstanceSpec spec)
    {
        string text = $"new {Ns}{attribute}({string.Join(", ", spec.ConstructorArguments)})";
        if (spec.NamedArguments.Count > 0)
        {
            text += " { " + string.Join(", ", spec.NamedArguments.Select(static n => n.Name + " = " + n.Literal)) + " }";
        }

        return text;
    }

    private static string Int(RolePropertySpec? role, string fallback) =>
        role is null ? fallback : role.IsInt64 ? $"checked((int)this.{role.Identifier})" : "this." + role.Identifier;

    private static string Real(RolePropertySpec? role, string fallback) =>
        role is null ? fallback : role.IsSingle ? "(double)this." + role.Identifier : "this." + role.Identifier;

    private static string Trim(string identifier) => identifier.TrimStart('@');
}
