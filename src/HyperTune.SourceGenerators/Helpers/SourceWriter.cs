using System;
using System.Text;

namespace HyperTune.SourceGenerators.Helpers;

/// <summary>
/// Writes C# source with managed indentation, so that generated code reads like hand-written code
/// without a costly NormalizeWhitespace pass.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _indentation; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public void CloseBlock(string suffix = "")
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("No block is open.");
        }

        _indentation--;
        if (_builder.Length >= 2 && _builder[_builder.Length - 1] == '\n' && _builder[_builder.Length - 2] == '\n')
        {
            _builder.Length--; // No blank line before a closing brace.
        }

        WriteLine("}" + suffix);
    }

    public void Indent() => _indentation++;

    public void Unindent() => _indentation--;

    public override string ToString() => _builder.ToString();
}
