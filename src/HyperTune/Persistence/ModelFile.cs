using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using HyperTune.Network;
using HyperTune.Training.Inference;

namespace HyperTune.Persistence;

/// <summary>
/// HyperTune's model file, version 1. Little-endian throughout.
/// <code>
/// header   8 bytes  signature 0x89 'H' 'T' 'M' 'O' 'D' 'E' 'L'
///          int32    format version (1)
///          int64    payload length in bytes
/// payload  string   library version (strings: int32 byte count, then UTF-8)
///          byte     task (0 classification, 1 regression)
///          byte     activation (0 relu, 1 tanh)
///          int32    layer widths L, then L int32: inputs, each hidden layer's units, outputs
///          int32    class count (the outputs for classification, 0 for regression)
///          2 x      standardisation of the features, then of the targets:
///                   byte present; if 1, int32 n, n float64 means, n float64 scales
///          int32    parameter count P, then P float32: each layer's weights (inputs x outputs, row-major), then its biases
///          byte     metadata present; if 1: byte fingerprint present (+ string), int32 pairs, pairs of strings
/// trailer  uint64   FNV-1a 64-bit hash of the payload
/// </code>
/// A reader reads the versions up to its own; every count is checked against the bytes that are
/// there and against the other counts before anything is built.
/// </summary>
internal static class ModelFile
{
    public const int FormatVersion = 1;

    private const int HeaderLength = 20;
    private const int TrailerLength = 8;
    private static readonly byte[] s_signature = [0x89, (byte)'H', (byte)'T', (byte)'M', (byte)'O', (byte)'D', (byte)'E', (byte)'L'];

    public static byte[] Write(TrainedModel model)
    {
        DenseInference dense = model.RequireDense("be saved");
        var payload = new MemoryStream();
        var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true);
        WriteString(writer, ModelMetadata.CurrentLibraryVersion);
        writer.Write((byte)dense.Task);
        writer.Write((byte)dense.Activation);
        writer.Write(dense.Widths.Length);
        foreach (int width in dense.Widths) writer.Write(width);
        writer.Write(dense.Task == TaskKind.Classification ? dense.OutputCount : 0);
        WriteStandardization(writer, model.Standardization);
        WriteStandardization(writer, model.TargetStandardization);
        writer.Write(dense.Parameters.Length);
        foreach (float value in dense.Parameters) writer.Write(value);
        if (model.Metadata is { } metadata)
        {
            writer.Write((byte)1);
            writer.Write((byte)(metadata.SearchSpaceFingerprint is null ? 0 : 1));
            if (metadata.SearchSpaceFingerprint is { } fingerprint) WriteString(writer, fingerprint);
            writer.Write(metadata.Values.Count);
            foreach (var (name, value) in metadata.Values)
            {
                WriteString(writer, name);
                WriteString(writer, value);
            }
        }
        else
        {
            writer.Write((byte)0);
        }
        writer.Flush();

        byte[] body = payload.ToArray();
        var file = new byte[HeaderLength + body.Length + TrailerLength];
        s_signature.CopyTo(file, 0);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(12), body.Length);
        body.CopyTo(file, HeaderLength);
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(HeaderLength + body.Length), Hash(body));
        return file;
    }

    public static TrainedModel Read(Stream stream, string source)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        int got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got < s_signature.Length || !header.Slice(0, s_signature.Length).SequenceEqual(s_signature))
            throw new InvalidDataException($"{Capital(source)} is not a HyperTune model: it does not start with the model signature (89 48 54 4D 4F 44 45 4C, \"\\x89HTMODEL\").");
        if (got < HeaderLength)
            throw new InvalidDataException($"{Capital(source)} is truncated: it ends {got} bytes in, inside the {HeaderLength}-byte header.");
        int version = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(8));
        if (version > FormatVersion)
            throw new InvalidDataException($"{Capital(source)} was written in model format version {version}, but this HyperTune ({ModelMetadata.CurrentLibraryVersion}) reads versions 1 to {FormatVersion}: load it with a newer HyperTune.");
        if (version < 1)
            throw new InvalidDataException($"{Capital(source)} declares model format version {version}; versions start at 1, so the header is damaged.");
        long length = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(12));
        if (length < 0 || length > Array.MaxLength - TrailerLength)
            throw new InvalidDataException($"{Capital(source)} declares a model of {length} bytes, which no model has: the header is damaged.");
        if (stream.CanSeek && stream.Length - stream.Position < length + TrailerLength)
            throw Truncated(source, length, stream.Length - stream.Position);

        var body = new byte[length + TrailerLength];
        int read = stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false);
        if (read < body.Length) throw Truncated(source, length, read);
        ReadOnlySpan<byte> payload = body.AsSpan(0, (int)length);
        if (BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan((int)length)) != Hash(payload))
            throw new InvalidDataException($"{Capital(source)} is damaged: the checksum of its {length} bytes of model does not match the one stored after them.");

        return Parse(new Reader(payload, source));
    }

    private static TrainedModel Parse(Reader reader)
    {
        string libraryVersion = reader.String("the library version");
        byte task = reader.Byte("the task");
        if (task > (byte)TaskKind.Regression) throw reader.Fail($"the task is {task}, which is neither 0 (classification) nor 1 (regression)");
        byte activation = reader.Byte("the activation");
        if (activation > (byte)Activation.Tanh) throw reader.Fail($"the activation is {activation}, which is neither 0 (relu) nor 1 (tanh)");
        int layers = reader.Int32("the number of layer widths");
        if (layers < 2 || layers > 1024) throw reader.Fail($"it declares {layers} layer widths; a network has inputs and outputs, so at least 2 (and this library writes at most a few)");
        var widths = new int[layers];
        for (int l = 0; l < layers; l++)
        {
            widths[l] = reader.Int32("a layer width");
            if (widths[l] < 1) throw reader.Fail($"layer width {l} is {widths[l]}; every layer has at least one unit");
        }
        int outputs = widths[^1];
        int classes = reader.Int32("the class count");
        if ((TaskKind)task == TaskKind.Classification && (classes != outputs || classes < 2))
            throw reader.Fail($"it declares {classes} classes for a classifier with {outputs} outputs; they must agree, and a classifier has at least 2");
        if ((TaskKind)task == TaskKind.Regression && classes != 0)
            throw reader.Fail($"it declares {classes} classes for a regression model; regression has 0");
        Standardization? features = ReadStandardization(ref reader, "feature", widths[0]);
        Standardization? targets = ReadStandardization(ref reader, "target", outputs);
        if (targets is not null && (TaskKind)task != TaskKind.Regression)
            throw reader.Fail("it has a target standardisation, but the model classifies");

        int parameterCount = reader.Int32("the parameter count");
        long expected = DenseInference.ParameterCount(widths);
        if (parameterCount != expected)
            throw reader.Fail($"it declares {parameterCount} weights and biases, but layers {string.Join('-', widths)} have {expected}");
        if ((long)parameterCount * 4 > reader.Remaining) throw reader.Fail($"the {parameterCount} weights and biases need {(long)parameterCount * 4} bytes, but only {reader.Remaining} are left");
        var parameters = new float[parameterCount];
        reader.Floats(parameters, "the weights");

        ModelMetadata? metadata = null;
        if (reader.Flag("the metadata flag"))
        {
            string? fingerprint = reader.Flag("the fingerprint flag") ? reader.String("the search-space fingerprint") : null;
            int pairs = reader.Int32("the number of config values");
            if (pairs < 0 || pairs > reader.Remaining / 8)
                throw reader.Fail($"it declares {pairs} config values, more than its remaining {reader.Remaining} bytes can hold");
            var values = new KeyValuePair<string, string>[pairs];
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < pairs; i++)
            {
                string name = reader.String("a config value's name");
                if (name.Length == 0 || !names.Add(name)) throw reader.Fail($"config value {i} has the name '{name}', which is empty or repeated");
                values[i] = new(name, reader.String($"the value of '{name}'"));
            }
            metadata = new ModelMetadata(fingerprint, values, libraryVersion);
        }
        if (reader.Remaining != 0) throw reader.Fail($"{reader.Remaining} bytes follow the last field; the payload length and its contents disagree");

        return new TrainedModel(new DenseInference((TaskKind)task, (Activation)activation, widths, parameters), features, targets, metadata);
    }

    private static Standardization? ReadStandardization(ref Reader reader, string what, int width)
    {
        if (!reader.Flag($"the {what} standardisation flag")) return null;
        int count = reader.Int32($"the {what} standardisation's width");
        if (count != width) throw reader.Fail($"the {what} standardisation has {count} columns, but the network has {width} {what}s");
        if ((long)count * 16 > reader.Remaining) throw reader.Fail($"the {what} standardisation needs {(long)count * 16} bytes, but only {reader.Remaining} are left");
        var means = new double[count];
        var scales = new double[count];
        reader.Doubles(means, $"the {what} means");
        reader.Doubles(scales, $"the {what} scales");
        try
        {
            return Standardization.FromStatistics(means, scales);
        }
        catch (ArgumentException e)
        {
            throw reader.Fail($"the {what} standardisation is invalid: {e.Message}");
        }
    }

    private static void WriteStandardization(BinaryWriter writer, Standardization? standardization)
    {
        if (standardization is null)
        {
            writer.Write((byte)0);
            return;
        }
        writer.Write((byte)1);
        writer.Write(standardization.FeatureCount);
        foreach (double mean in standardization.Means) writer.Write(mean);
        foreach (double scale in standardization.Scales) writer.Write(scale);
    }

    private static void WriteString(BinaryWriter writer, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static InvalidDataException Truncated(string source, long length, long available) =>
        new($"{Capital(source)} is truncated: its header announces {length} bytes of model and an {TrailerLength}-byte checksum, but only {available} bytes follow.");

    private static string Capital(string source) => source == "the stream" ? "The stream" : $"The file '{source}'";

    /// <summary>FNV-1a, 64 bits: enough to tell a damaged file from a sound one.</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }

    /// <summary>Reads the payload, checking every length against the bytes left.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes, string source)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public readonly int Remaining => _bytes.Length - _position;

        public readonly InvalidDataException Fail(string problem) =>
            new($"{Capital(source)} is not a valid HyperTune model: {problem} (at byte {HeaderLength + _position}).");

        public byte Byte(string what) => Take(1, what)[0];

        public bool Flag(string what)
        {
            byte value = Byte(what);
            return value switch
            {
                0 => false,
                1 => true,
                _ => throw Fail($"{what} is {value}, neither 0 nor 1"),
            };
        }

        public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

        public string String(string what)
        {
            int length = Int32(what + "'s length");
            if (length < 0) throw Fail($"{what} has the length {length}");
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Take(length, what));
            }
            catch (DecoderFallbackException)
            {
                throw Fail($"{what} is not UTF-8");
            }
        }

        public void Floats(Span<float> destination, string what)
        {
            ReadOnlySpan<byte> bytes = Take((long)destination.Length * 4, what);
            for (int i = 0; i < destination.Length; i++) destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4));
        }

        public void Doubles(Span<double> destination, string what)
        {
            ReadOnlySpan<byte> bytes = Take((long)destination.Length * 8, what);
            for (int i = 0; i < destination.Length; i++) destination[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * 8));
        }

        private ReadOnlySpan<byte> Take(long count, string what)
        {
            if (count > Remaining) throw Fail($"{what} needs {count} bytes, but only {Remaining} are left");
            ReadOnlySpan<byte> slice = _bytes.Slice(_position, (int)count);
            _position += (int)count;
            return slice;
        }
    }
}
