using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HyperTune.Roslyn;
using HyperTune.SourceGenerators.Configs;
using Microsoft.CodeAnalysis;
using ConfigDescriptors = HyperTune.SourceGenerators.Diagnostics.DiagnosticDescriptors;

namespace HyperTune.Analyzers.Configs;

/// <summary>
/// The verdict of the shared config parser on one type, for the analyzers: the problems it finds
/// (or HT0019 when it fails) and whether the generator emits the config's <c>Train</c>. Other rules
/// ask it too, so that they speak only about what the generator builds.
/// </summary>
internal sealed class ConfigProblems
{
    private ConfigProblems(ImmutableArray<DiagnosticInfo> problems, bool trains)
    {
        Problems = problems;
        Trains = trains;
    }

    /// <summary>What keeps the config, or its <c>Train</c>, from being generated.</summary>
    public ImmutableArray<DiagnosticInfo> Problems { get; }

    /// <summary>Whether the generator emits the config with its <c>Train</c> methods.</summary>
    public bool Trains { get; }

    /// <summary>
    /// The verdict on <paramref name="type"/>, or <see langword="null"/> when the generator does not
    /// look at it (no annotated property).
    /// </summary>
    public static ConfigProblems? Of(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!ConfigParser.IsConfig(type))
        {
            return null;
        }

        var problems = new List<DiagnosticInfo>();
        try
        {
            var spec = ConfigParser.Analyze(type, compilation, problems, cancellationToken);
            return new ConfigProblems(problems.ToImmutableArray(), spec?.Training is not null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The generator meets the same exception and emits nothing for this config.
            var failure = DiagnosticInfo.Create(
                ConfigDescriptors.GeneratorFailure,
                type.Locations.FirstOrDefault(),
                type.Name,
                exception.GetType().Name + ": " + exception.Message);
            return new ConfigProblems(ImmutableArray.Create(failure), trains: false);
        }
    }

    /// <summary>Whether the generator emits <paramref name="type"/> with a <c>Train</c> (it is a config, without an error that stops it).</summary>
    public static bool GeneratesTrain(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken) =>
        Of(type, compilation, cancellationToken) is { Trains: true };
}
