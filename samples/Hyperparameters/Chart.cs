using System.Globalization;
using ScottPlot;

namespace Hyperparameters;

/// <summary>The look shared by every figure, and the two things ScottPlot leaves to the caller: log axes and labelled markers.</summary>
internal static class Chart
{
    /// <summary>Width of a one-panel figure, in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of every figure, in pixels.</summary>
    public const int Height = 600;

    /// <summary>Width of a two-panel figure, in pixels.</summary>
    public const int WideWidth = 1500;

    public static readonly Color[] Colors =
    [
        new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0xff, 0x7f, 0x0e),
        new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b),
    ];

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        Style(plot, title, xLabel, yLabel);
        return plot;
    }

    public static void Style(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, size: 17);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
    }

    /// <summary>A line through the points (markers off), optionally dashed; NaN and infinite points are dropped.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, Color color, string? legend, bool dashed = false, float width = 2)
    {
        var keep = Enumerable.Range(0, xs.Count).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i])).ToArray();
        var line = plot.Add.Scatter(keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), color);
        line.LineWidth = width;
        line.MarkerSize = 0;
        if (dashed) line.LinePattern = LinePattern.Dashed;
        if (legend is not null) line.LegendText = legend;
        return line;
    }

    /// <summary>
    /// Turns the vertical axis into a log10 axis over [<paramref name="min"/>, <paramref name="max"/>]:
    /// ScottPlot draws linear axes only, so the data plotted must be <see cref="Log10"/> of the
    /// values; the ticks (1, 2, 5 a decade, or every digit when the range is narrow) read as values.
    /// </summary>
    public static void LogY(Plot plot, double min, double max) => LogAxis(plot, plot.Axes.Left, min, max, vertical: true);

    /// <summary>The horizontal counterpart of <see cref="LogY"/>.</summary>
    public static void LogX(Plot plot, double min, double max) => LogAxis(plot, plot.Axes.Bottom, min, max, vertical: false);

    private static void LogAxis(Plot plot, IAxis axis, double min, double max, bool vertical)
    {
        double low = Math.Log10(min), high = Math.Log10(max), pad = 0.04 * Math.Max(high - low, 0.1);
        int first = (int)Math.Floor(low), last = (int)Math.Ceiling(high);
        bool narrow = high - low < 2.5, dense = high - low < 1.2;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int decade = first; decade <= last; decade++)
        {
            for (int digit = 1; digit <= 9; digit++)
            {
                double value = digit * Math.Pow(10, decade), position = Math.Log10(value);
                if (position < low - pad || position > high + pad) continue;
                bool major = digit == 1 || (narrow && digit is 2 or 5) || dense;
                if (major) ticks.AddMajor(position, value.ToString(value >= 1 ? "0" : "G3", CultureInfo.InvariantCulture));
                else ticks.AddMinor(position);
            }
        }

        axis.TickGenerator = ticks;
        if (vertical) plot.Axes.SetLimitsY(low - pad, high + pad);
        else plot.Axes.SetLimitsX(low - pad, high + pad);
    }

    /// <summary>A log2 axis for sizes (units, rows): the data must be log2 of the values.</summary>
    public static void Log2Axis(IAxis axis, IEnumerable<int> values)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (int value in values) ticks.AddMajor(Math.Log2(value), value.ToString(CultureInfo.InvariantCulture));
        axis.TickGenerator = ticks;
    }

    public static double[] Log10(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    /// <summary>
    /// A dotted vertical line at <paramref name="x"/> with its label at height <paramref name="y"/>
    /// (in the plot's coordinates), to the right of the line, or to its left when <paramref name="labelLeft"/>.
    /// </summary>
    public static void Marker(Plot plot, double x, double y, string label, Color color, bool labelLeft = false)
    {
        plot.Add.VerticalLine(x, 2, color, LinePattern.Dotted);
        var text = plot.Add.Text(label, x, y);
        text.LabelFontSize = 13;
        text.LabelFontColor = color;
        text.LabelBackgroundColor = ScottPlot.Colors.White.WithAlpha(0.85);
        text.LabelBorderColor = color;
        text.LabelPadding = 4;
        text.LabelAlignment = labelLeft ? Alignment.MiddleRight : Alignment.MiddleLeft;
        text.OffsetX = labelLeft ? -6 : 6;
    }

    /// <summary>A label with no line, at (<paramref name="x"/>, <paramref name="y"/>) in the plot's coordinates.</summary>
    public static void Note(Plot plot, double x, double y, string label, Color color)
    {
        var text = plot.Add.Text(label, x, y);
        text.LabelFontSize = 13;
        text.LabelFontColor = color;
        text.LabelAlignment = Alignment.MiddleLeft;
    }

    /// <summary>Draws two plots side by side, each on half the width, into one PNG.</summary>
    public static void SaveSideBySide(string path, Plot left, Plot right, int width = WideWidth, int height = Height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height));
        surface.Canvas.Clear(SkiaSharp.SKColors.White);
        foreach (var (plot, rect) in new[] { (left, new PixelRect(0, width / 2, height, 0)), (right, new PixelRect(width / 2, width, height, 0)) })
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            plot.Render(surface.Canvas, rect);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
