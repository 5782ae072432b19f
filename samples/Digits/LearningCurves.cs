using System.Globalization;
using System.Text;
using HyperTune;

namespace Digits;

/// <summary>
/// Draws a run's learning curves (training and validation loss per epoch, validation accuracy on
/// a second axis, the best epoch marked) as a standalone SVG a browser opens.
/// </summary>
internal static class LearningCurves
{
    private const int Width = 720, Height = 400, Left = 60, Right = 60, Top = 40, Bottom = 50;

    public static void Write(string path, string title, TrainingResult result)
    {
        var history = result.History;
        int epochs = Math.Max(history.Count - 1, 1);
        double maxLoss = history.SelectMany(r => new[] { r.TrainLoss, r.ValidationLoss ?? 0 }).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double X(int epoch) => Left + (Width - Left - Right) * epoch / (double)epochs;
        double YLoss(double loss) => Top + (Height - Top - Bottom) * (1 - loss / maxLoss);
        double YAccuracy(double accuracy) => Top + (Height - Top - Bottom) * (1 - accuracy);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right}\" y1=\"{Top}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 15}\" text-anchor=\"middle\">epoch (0 to {history.Count - 1})</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"15\" y=\"{Top - 10}\">loss (max {maxLoss:G3})</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 5}\" y=\"{Top - 10}\" text-anchor=\"end\">accuracy (0 to 1)</text>\n");
        foreach (double fraction in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            double y = YAccuracy(fraction);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Width - Right}\" y2=\"{y:F1}\" stroke=\"#eee\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 5}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{maxLoss * fraction:G3}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 5}\" y=\"{y + 4:F1}\">{fraction:0.##}</text>\n");
        }


        Polyline(svg, history.Select(r => (X(r.Epoch), YLoss(r.TrainLoss))), "#1f77b4");
        Polyline(svg, history.Where(r => r.ValidationLoss is not null).Select(r => (X(r.Epoch), YLoss(r.ValidationLoss!.Value))), "#ff7f0e");
        Polyline(svg, history.Where(r => r.ValidationAccuracy is not null).Select(r => (X(r.Epoch), YAccuracy(r.ValidationAccuracy!.Value))), "#2ca02c");
        if (result.BestEpoch is int best)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(best):F1}\" y1=\"{Top}\" x2=\"{X(best):F1}\" y2=\"{Height - Bottom}\" stroke=\"gray\" stroke-dasharray=\"4 3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(best) + 4:F1}\" y=\"{Height - Bottom - 6}\" fill=\"gray\">best epoch {best}</text>\n");
        }

        Legend(svg, 0, "training loss", "#1f77b4");
        Legend(svg, 1, "validation loss", "#ff7f0e");
        Legend(svg, 2, "validation accuracy", "#2ca02c");
        svg.Append("</svg>\n");
        File.WriteAllText(path, svg.ToString());
    }

    private static void Polyline(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour)
    {
        string list = string.Join(" ", points.Where(p => double.IsFinite(p.Y)).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:F1},{p.Y:F1}")));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{list}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>\n");
    }

    private static void Legend(StringBuilder svg, int row, string label, string colour)
    {
        int y = Top + (Height - Top - Bottom) / 2 + 18 * row;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right - 170}\" y1=\"{y}\" x2=\"{Width - Right - 150}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right - 145}\" y=\"{y + 4}\">{label}</text>\n");
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
