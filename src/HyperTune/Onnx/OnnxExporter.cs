using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Google.Protobuf;
using HyperTune.Training.Inference;

namespace HyperTune.Onnx;

/// <summary>
/// Writes a <see cref="TrainedModel"/> of the dense network as an ONNX model (IR version 7, opset
/// 13, the default domain): the few ONNX messages it needs are written field by field with
/// Google.Protobuf's <see cref="CodedOutputStream"/>, after onnx.proto.
/// </summary>
/// <remarks>
/// The graph: <c>features</c> [N, F] float32, then <c>Sub</c> the feature means and <c>Div</c> by
/// the scales (when the model standardises), one <c>Gemm</c> (+ <c>Relu</c> or <c>Tanh</c>) per
/// hidden layer, a <c>Gemm</c> for the output layer, then <c>Softmax</c> (axis 1) into
/// <c>probabilities</c> for classification, or <c>Mul</c> by the target scales and <c>Add</c> the
/// target means into <c>values</c> for regression. Weights are stored as raw little-endian floats.
/// </remarks>
internal static class OnnxExporter
{
    public const int Opset = 13;
    public const string InputName = "features";
    public const string ProbabilitiesName = "probabilities";
    public const string ValuesName = "values";

    private const long IrVersion = 7;
    private const int FloatType = 1;     // TensorProto.DataType.FLOAT
    private const int AttributeFloat = 1; // AttributeProto.AttributeType.FLOAT
    private const int AttributeInt = 2;   // AttributeProto.AttributeType.INT

    public static byte[] Export(TrainedModel model)
    {
        DenseInference dense = model.RequireDense("be exported to ONNX");
        var nodes = new List<byte[]>();
        var initializers = new List<byte[]>();
        string current = InputName;

        if (model.Standardization is { } features)
        {
            initializers.Add(Tensor("feature_mean", [features.FeatureCount], ToFloats(features.Means)));
            initializers.Add(Tensor("feature_scale", [features.FeatureCount], ToFloats(features.Scales)));
            nodes.Add(Node("Sub", "standardise_centre", [current, "feature_mean"], ["centred"]));
            nodes.Add(Node("Div", "standardise_scale", ["centred", "feature_scale"], ["standardised"]));
            current = "standardised";
        }

        ReadOnlySpan<int> widths = dense.Widths;
        for (int l = 0; l <= dense.HiddenLayers; l++)
        {
            string weights = $"layer{l}_weight";
            string biases = $"layer{l}_bias";
            initializers.Add(Tensor(weights, [widths[l], widths[l + 1]], dense.Weights(l)));
            initializers.Add(Tensor(biases, [widths[l + 1]], dense.Biases(l)));
            string linear = $"layer{l}_linear";
            nodes.Add(Node("Gemm", $"layer{l}_gemm", [current, weights, biases], [linear]));
            current = linear;
            if (l < dense.HiddenLayers)
            {
                string activated = $"layer{l}_{(dense.Activation == Activation.Relu ? "relu" : "tanh")}";
                nodes.Add(Node(dense.Activation == Activation.Relu ? "Relu" : "Tanh", activated, [current], [activated]));
                current = activated;
            }
        }

        string output;
        if (dense.Task == TaskKind.Classification)
        {
            output = ProbabilitiesName;
            nodes.Add(Node("Softmax", "softmax", [current], [output], IntAttribute("axis", 1)));
        }
        else if (model.TargetStandardization is { } targets)
        {
            output = ValuesName;
            initializers.Add(Tensor("target_scale", [targets.FeatureCount], ToFloats(targets.Scales)));
            initializers.Add(Tensor("target_mean", [targets.FeatureCount], ToFloats(targets.Means)));
            nodes.Add(Node("Mul", "unstandardise_scale", [current, "target_scale"], ["scaled"]));
            nodes.Add(Node("Add", "unstandardise_centre", ["scaled", "target_mean"], [output]));
        }
        else
        {
            output = ValuesName;
            nodes.Add(Node("Identity", "values", [current], [output]));
        }

        var graph = new Message();
        foreach (byte[] node in nodes) graph.Bytes(1, node);
        graph.String(2, "hypertune_dense_network");
        foreach (byte[] tensor in initializers) graph.Bytes(5, tensor);
        graph.String(10, Describe(model, dense));
        graph.Bytes(11, ValueInfo(InputName, widths[0]));
        graph.Bytes(12, ValueInfo(output, dense.OutputCount));

        var opset = new Message();
        opset.String(1, string.Empty);
        opset.Int64(2, Opset);

        var root = new Message();
        root.Int64(1, IrVersion);
        root.String(2, "HyperTune");
        root.String(3, ModelMetadata.CurrentLibraryVersion);
        root.Bytes(7, graph.ToArray());
        root.Bytes(8, opset.ToArray());
        if (model.Metadata is { } metadata)
        {
            if (metadata.SearchSpaceFingerprint is { } fingerprint) root.Bytes(14, Entry("hypertune.search_space_fingerprint", fingerprint));
            foreach (var (name, value) in metadata.Values) root.Bytes(14, Entry("hypertune.config." + name, value));
        }
        return root.ToArray();
    }

    private static string Describe(TrainedModel model, DenseInference dense) => string.Create(CultureInfo.InvariantCulture,
        $"A HyperTune dense network, layers {string.Join('-', dense.Widths.ToArray())}, {dense.Activation}, {dense.Task}; input '{InputName}' takes raw features{(model.Standardization is null ? "" : " (standardised in the graph)")}.");

    private static float[] ToFloats(ReadOnlySpan<double> values)
    {
        var floats = new float[values.Length];
        for (int i = 0; i < values.Length; i++) floats[i] = (float)values[i];
        return floats;
    }

    /// <summary>A NodeProto: inputs (1), outputs (2), name (3), op_type (4), attributes (5).</summary>
    private static byte[] Node(string op, string name, string[] inputs, string[] outputs, byte[]? attribute = null)
    {
        var node = new Message();
        foreach (string input in inputs) node.String(1, input);
        foreach (string output in outputs) node.String(2, output);
        node.String(3, name);
        node.String(4, op);
        if (attribute is not null) node.Bytes(5, attribute);
        return node.ToArray();
    }

    /// <summary>An AttributeProto of type INT: name (1), i (3), type (20).</summary>
    private static byte[] IntAttribute(string name, long value)
    {
        var attribute = new Message();
        attribute.String(1, name);
        attribute.Int64(3, value);
        attribute.Int64(20, AttributeInt);
        return attribute.ToArray();
    }

    /// <summary>A TensorProto of floats: dims (1), data_type (2), name (8), raw_data (9, little-endian).</summary>
    private static byte[] Tensor(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var tensor = new Message();
        foreach (long dim in dims) tensor.Int64(1, dim);
        tensor.Int64(2, FloatType);
        tensor.String(8, name);
        var raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        tensor.Bytes(9, raw);
        return tensor.ToArray();
    }

    /// <summary>A ValueInfoProto of a float tensor [N, width]: name (1), type (2) = TypeProto { tensor_type (1) = { elem_type (1), shape (2) } }.</summary>
    private static byte[] ValueInfo(string name, int width)
    {
        var rows = new Message();
        rows.String(2, "N");           // Dimension.dim_param
        var columns = new Message();
        columns.Int64(1, width);       // Dimension.dim_value
        var shape = new Message();
        shape.Bytes(1, rows.ToArray());
        shape.Bytes(1, columns.ToArray());
        var tensorType = new Message();
        tensorType.Int64(1, FloatType);
        tensorType.Bytes(2, shape.ToArray());
        var type = new Message();
        type.Bytes(1, tensorType.ToArray());
        var info = new Message();
        info.String(1, name);
        info.Bytes(2, type.ToArray());
        return info.ToArray();
    }

    /// <summary>A StringStringEntryProto: key (1), value (2).</summary>
    private static byte[] Entry(string key, string value)
    {
        var entry = new Message();
        entry.String(1, key);
        entry.String(2, value);
        return entry.ToArray();
    }

    /// <summary>One protobuf message being written: fields in the order they are added.</summary>
    private sealed class Message
    {
        private readonly MemoryStream _buffer = new();
        private readonly CodedOutputStream _output;

        public Message() => _output = new CodedOutputStream(_buffer, leaveOpen: true);

        public void Int64(int field, long value)
        {
            _output.WriteTag(field, WireFormat.WireType.Varint);
            _output.WriteInt64(value);
        }

        public void String(int field, string value)
        {
            _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            _output.WriteString(value);
        }

        public void Bytes(int field, byte[] value)
        {
            _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            _output.WriteBytes(ByteString.CopyFrom(value));
        }

        public byte[] ToArray()
        {
            _output.Flush();
            return _buffer.ToArray();
        }
    }
}
