using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HyperTune.Roslyn;
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
    /// <summary>The metadata entry of the hidden layers' widths, e.g. <c>[128, 64]</c> (unless a config property has the name).</summary>
    private const string HiddenWidthsKey = "HiddenWidths";
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
        if (spec.InputScaling is null)
        {
            w.WriteLine("/// bounds are for tuning, not for training). Features, and regression targets, are standardised on");
            w.WriteLine("/// <paramref name=\"train\"/>'s statistics; the returned model takes raw rows, predicts raw targets and");
        }
        else
        {
            w.WriteLine($"/// bounds are for tuning, not for training). Inputs are scaled as <c>{Trim(spec.InputScaling.Identifier)}</c> says, and regression");
            w.WriteLine("/// targets standardised, on <paramref name=\"train\"/>'s statistics; the returned model takes raw rows, predicts raw targets and");
        }

        w.WriteLine("/// records this config's values and search-space fingerprint.");
        w.WriteLine("/// </summary>");
        WriteCommonParameterDocs(spec, w);
        w.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"HyperTune\", \"{s_version}\")]");
        w.WriteLine($"{Modifier(config)} {Ns}TrainingResult Train({Ns}Dataset train, {Ns}Dataset? validation = null, {Ns}TrainOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.OpenBlock();
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(train);");
        w.WriteLine($"options ??= {Ns}TrainOptions.Default;");
        w.WriteLine(spec.InputScaling is null
            ? $"var data = {Ns}StandardizedData.Fit(train, validation);"
            : $"var data = {Ns}StandardizedData.Fit(train, validation, {Value(spec.InputScaling, string.Empty)});");
        w.WriteLine($"var network = new {Ns}DenseNetwork(");
        w.Indent();
        w.WriteLine("train.FeatureCount,");
        w.WriteLine("data.OutputCount,");
        w.WriteLine("train.Task,");
        if (spec.HiddenShrink is { } shrink)
        {
            w.WriteLine($"hiddenWidths: {Ns}DenseNetwork.ShrinkingWidths({Int(spec.HiddenLayers, "1")}, {Int(spec.HiddenUnits, "128")}, {Real(shrink, "1.0")}),");
        }
        else
        {
            w.WriteLine($"hiddenLayers: {Int(spec.HiddenLayers, "1")},");
            w.WriteLine($"hiddenUnits: {Int(spec.HiddenUnits, "128")},");
        }

        w.WriteLine($"activation: {Value(spec.Activation, Ns + "Activation.Relu")},");
        w.WriteLine($"dropout: {Real(spec.Dropout, "0.0")},");
        w.WriteLine("seed: options.Seed);");
        w.Unindent();
        w.WriteLine("var result = Train(network, data.Train, data.Validation, options, cancellationToken);");
        w.WriteLine($"result = result.WithModel(data.CreateModelFrom(result.Model, {Metadata(config, spec)}));");
        w.WriteLine("// The model holds a copy of the weights; the network's memory goes to the next run.");
        w.WriteLine($"{Ns}Generated.TrainingMemory.Recycle(network);");
        w.WriteLine("return result;");
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
        w.WriteLine($"{Modifier(config)} {Ns}TrainingResult Train({Ns}ITrainableModel model, {Ns}Dataset train, {Ns}Dataset? validation = null, {Ns}TrainOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default)");
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
        foreach (string setting in DefaultSummary(spec))
        {
            yield return setting;
        }

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

    /// <summary>The settings this config leaves to defaults, each stated with its value, so the docs say what a run does.</summary>
    private static IEnumerable<string> DefaultSummary(TrainingSpec spec)
    {
        if (spec.LearningRate is null)
        {
            yield return spec.Optimizer is null
                ? $"<item>No <c>[LearningRate]</c>: the {(spec.Momentum is null ? "SGD" : "SGD-with-momentum")} default of 0.01.</item>"
                : "<item>No <c>[LearningRate]</c>: the optimiser's conventional default (Keras, PyTorch): 0.01 for SGD, momentum, Nesterov and AdaGrad; 0.001 for Adam, AdamW and RMSProp.</item>";
        }

        if (spec.Optimizer is null)
        {
            yield return spec.Momentum is null
                ? "<item>No <c>[Optimizer]</c>: plain SGD.</item>"
                : "<item>No <c>[Optimizer]</c>, but a <c>[Momentum]</c>: SGD with momentum.</item>";
        }

        if (spec.Epochs is null)
        {
            yield return spec.StopAtStep is { } step
                ? $"<item>No <c>[Epochs]</c>: training runs until step {step.ToString(CultureInfo.InvariantCulture)} (<c>[StopAtStep]</c>).</item>"
                : $"<item>Neither <c>[Epochs]</c> nor <c>[StopAtStep]</c>: at most {KnownNames.DefaultMaxEpochs.ToString(CultureInfo.InvariantCulture)} epochs.</item>";
        }

        if (spec.BatchSize is null)
        {
            yield return "<item>No <c>[BatchSize]</c>: mini-batches of 32 rows.</item>";
        }
    }

    private static void WriteChecks(ConfigSpec config, TrainingSpec spec, SourceWriter w)
    {
        if (spec.LearningRate is { } rate)
        {
            string lr = rate.Identifier;
            w.WriteLine($"double learningRate = {Real(rate, "0.0")};");
            w.WriteLine("if (!((float)learningRate > 0) || float.IsPositiveInfinity((float)learningRate))");
            w.OpenBlock();
            w.WriteLine($"throw new global::System.ArgumentException($\"{config.DisplayName}.{Trim(lr)} is {{learningRate}}, but training needs a learning rate that is above 0 and finite as a float (the loop steps in single precision).\", \"{Trim(lr)}\");");
            w.CloseBlock();
        }
        else
        {
            w.WriteLine("// No [LearningRate]: the optimiser's conventional default (Keras and PyTorch).");
            w.WriteLine($"double learningRate = {Ns}OptimizerFactory.DefaultLearningRate({OptimizerKind(spec)});");
        }

        w.WriteLine($"int batchSize = {Int(spec.BatchSize, "32")};");
        if (spec.BatchSize is { Fixed: null } batch)
        {
            w.WriteLine("if (batchSize < 1)");
            w.OpenBlock();
            w.WriteLine($"throw new global::System.ArgumentException($\"{config.DisplayName}.{Trim(batch.Identifier)} is {{batchSize}}, but a mini-batch needs at least 1 row.\", \"{Trim(batch.Identifier)}\");");
            w.CloseBlock();
        }

        if (spec.Epochs is { } epochsRole)
        {
            string epochs = epochsRole.Identifier;
            w.WriteLine($"int maxEpochs = this.{epochs};");
            w.WriteLine("if (maxEpochs < 1)");
            w.OpenBlock();
            w.WriteLine($"throw new global::System.ArgumentException($\"{config.DisplayName}.{Trim(epochs)} is {{maxEpochs}}, but training needs at least 1 epoch.\", \"{Trim(epochs)}\");");
            w.CloseBlock();
        }
        else if (spec.StopAtStep is not null)
        {
            w.WriteLine("int maxEpochs = int.MaxValue; // No [Epochs]: [StopAtStep] bounds training.");
        }
        else
        {
            w.WriteLine($"int maxEpochs = {KnownNames.DefaultMaxEpochs.ToString(CultureInfo.InvariantCulture)}; // Neither [Epochs] nor [StopAtStep]: the default bound.");
        }

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
            string adam = spec.AdamBeta1 is null && spec.AdamBeta2 is null && spec.AdamEpsilon is null
                ? string.Empty
                : $", beta1: {Real(spec.AdamBeta1, "0.9")}, beta2: {Real(spec.AdamBeta2, "0.999")}, epsilon: {Real(spec.AdamEpsilon, "1e-8")}";
            w.WriteLine($"{Ns}IOptimizer optimizer = {Ns}OptimizerFactory.Create({Value(optimizer, string.Empty)}, model.Parameters.Length, momentum: {Real(spec.Momentum, "0.9")}, weightDecay: {weightDecay}{adam});");
        }
        else if (spec.Momentum is { } momentum)
        {
            w.WriteLine("// [Momentum] without [Optimizer]: SGD with momentum.");
            w.WriteLine($"var optimizer = new {Ns}MomentumOptimizer(model.Parameters.Length, {Real(momentum, "0.9")}, {weightDecay});");
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
                w.WriteLine($"bestWeights ??= {Ns}Generated.TrainingMemory.RentWeights(model.Parameters.Length);");
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
            w.WriteLine("new global::System.ReadOnlySpan<float>(bestWeights, 0, model.Parameters.Length).CopyTo(model.Parameters);");
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
        w.WriteLine($"var result = new {Ns}TrainingResult(history, stopReason, bestEpoch, bestEpoch is int bestIndex ? history[bestIndex].ValidationLoss : null, new {Ns}TrainedModel(model, null));");
        w.WriteLine();
        w.WriteLine("// The run's own buffers go back to the library: the next run (trial, call) reuses them instead of fresh pages.");
        if (spec.Optimizer is not null || spec.Momentum is not null)
        {
            w.WriteLine($"{Ns}Generated.TrainingMemory.Recycle(optimizer);");
        }

        w.WriteLine($"{Ns}Generated.TrainingMemory.Recycle(sampler);");
        if (spec.EarlyStopping is not null && spec.RestoreBestWeights)
        {
            w.WriteLine($"{Ns}Generated.TrainingMemory.Recycle(bestWeights);");
        }

        w.WriteLine("return result;");
    }

    /// <summary>
    /// The model's metadata: the search-space fingerprint, then the values the run used: every
    /// dimension's, every fixed setting's, every training role's that is neither, and the hidden
    /// layers' widths as built (they differ from <c>[HiddenUnits]</c> under <c>[HiddenShrink]</c>).
    /// </summary>
    private static string Metadata(ConfigSpec config, TrainingSpec spec)
    {
        var names = new List<string>();
        var pairs = new List<string>();
        void Add(string identifier, string value)
        {
            if (!names.Contains(Trim(identifier)))
            {
                names.Add(Trim(identifier));
                pairs.Add($"(\"{Trim(identifier)}\", {value})");
            }
        }

        foreach (var dimension in config.SearchSpace.Dimensions)
        {
            Add(dimension.Identifier, "this." + dimension.Identifier);
        }

        foreach (var setting in config.SearchSpace.Fixed)
        {
            Add(setting.Identifier, setting.Literal);
        }

        var roles = new[] { spec.LearningRate, spec.Epochs, spec.BatchSize, spec.HiddenLayers, spec.HiddenUnits, spec.HiddenShrink, spec.Optimizer, spec.Momentum, spec.WeightDecay, spec.AdamBeta1, spec.AdamBeta2, spec.AdamEpsilon, spec.Dropout, spec.Activation, spec.InputScaling };
        foreach (var role in roles)
        {
            if (role is not null)
            {
                Add(role.Identifier, Value(role, string.Empty));
            }
        }

        Add(HiddenWidthsKey, "network.HiddenWidths.ToArray()");
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

    private static string Modifier(ConfigSpec config) => config.HidesInheritedTrain ? "public new" : "public";

    /// <summary>What a role's value is: the fixed setting, the property, or <paramref name="fallback"/> without one.</summary>
    private static string Value(RolePropertySpec? role, string fallback) =>
        role is null ? fallback : role.Fixed ?? "this." + role.Identifier;

    private static string Int(RolePropertySpec? role, string fallback) =>
        role is null ? fallback : role.IsInt64 ? $"checked((int){Value(role, fallback)})" : Value(role, fallback);

    private static string Real(RolePropertySpec? role, string fallback) =>
        role is null ? fallback : role.IsSingle ? "(double)" + Value(role, fallback) : Value(role, fallback);

    /// <summary>The optimiser a run uses: the <c>[Optimizer]</c> property, SGD with momentum for a <c>[Momentum]</c> property alone, else SGD.</summary>
    private static string OptimizerKind(TrainingSpec spec) =>
        spec.Optimizer is { } optimizer ? Value(optimizer, string.Empty)
        : spec.Momentum is not null ? Ns + "OptimizerKind.Momentum"
        : Ns + "OptimizerKind.Sgd";

    private static string Trim(string identifier) => identifier.TrimStart('@');
}
