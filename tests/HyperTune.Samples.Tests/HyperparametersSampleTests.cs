using System.Buffers.Binary;
using Hyperparameters;

namespace HyperTune.Samples.Tests;

public sealed class HyperparametersSampleTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hypertune-figures-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Quick_mode_writes_one_png_of_the_declared_size_per_claim_and_nothing_else()
    {
        var output = new StringWriter();

        int exitCode = Sample.Run([_folder, "--quick"], output);

        Assert.True(exitCode == 0, output.ToString());
        Assert.Equal(6, Figure.All.Count);
        Assert.Equal(
            Figure.All.Select(f => f.File).Order(),
            Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Order());
        foreach (var figure in Figure.All)
        {
            var (width, height) = ReadPngSize(Path.Combine(_folder, figure.File));
            Assert.Equal((figure.Width, figure.Height), (width, height));
        }

        // Every figure printed the numbers it rests on.
        foreach (var figure in Figure.All) Assert.Contains($"## {figure.Claim}", output.ToString());
    }

    [Fact]
    public void An_unknown_option_fails_with_a_message_before_writing_anything()
    {
        var output = new StringWriter();

        Assert.Equal(2, Sample.Run([_folder, "--fast"], output));
        Assert.Contains("--fast", output.ToString());
        Assert.False(Directory.Exists(_folder));
    }

    /// <summary>The width and height from a PNG's IHDR chunk, after checking the signature and the chunk's type.</summary>
    private static (int Width, int Height) ReadPngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} has {bytes.Length} bytes.");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)));
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        Assert.Equal("IEND"u8.ToArray(), bytes[^8..^4]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
