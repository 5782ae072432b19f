namespace HyperTune.Cli.Tests;

/// <summary>Help names the command as users type it, <c>hypertune</c>, not after the tool's assembly.</summary>
public sealed class HelpNameTests
{
    [Fact]
    public void Help_names_the_command_as_users_type_it()
    {
        var (code, output, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:\n  hypertune [command] [options]", output.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("HyperTune.Cli", output, StringComparison.Ordinal);
        Assert.DoesNotContain("testhost", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subcommand_help_and_the_version_work_without_a_root_command()
    {
        var (code, output, _) = CliRunner.Run("show", "--help");
        Assert.Equal(0, code);
        Assert.Contains("hypertune show <store> <study> [options]", output, StringComparison.Ordinal);
        var (versionCode, version, _) = CliRunner.Run("--version");
        Assert.Equal(0, versionCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var (code, _, error) = CliRunner.Run("bogus");
        Assert.Equal(HyperTuneCommand.UsageError, code);
        Assert.Contains("bogus", error, StringComparison.Ordinal);
    }
}
