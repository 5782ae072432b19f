using System.Globalization;
using System.Text;

namespace Digits;

/// <summary>
/// Draws a study as a scatter of the best validation loss of each trial against its learning rate,
/// on a log axis: the picture that shows why the rate is the hyperparameter to tune first (too
/// small crawls, too large overshoots). Failed trials are marked on the top edge.
/// </summary>
internal static class StudyPlot
{
    private const int Width = 720, Height = 400, Left = 70, Right = 30, Top = 40, Bottom = 50;

    public static void Write(string path, string title, IReadOnlyList<(double LearningRate, double? Loss, string Label)> trials)
    {
        var finite = trials.Where(t => t.Loss is double l && double.IsFinite(l)).ToList();
        double minRate = trials.Min(t => t.LearningRate), maxRate = trials.Max(t => t.LearningRate);
        double logMin = Math.Floor(Math.Log10(minRate)), logMax = Math.Ceiling(Math.Log10(maxRate));
        if (logMax <= logMin) logMax = logMin + 1;
        double maxLoss = finite.Count > 0 ? finite.Max(t => t.Loss!.Value) : 1;
        double X(double rate) => Left + ((Width - Left - Right) * (Math.Log10(rate) - logMin) / (logMax - logMin));
        double Y(double loss) => Top + ((Height - Top - Bottom) * (1 - (loss / maxLoss)));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{title}</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        for (double decade = logMin; decade <= logMax; decade++)
        {
            double x = X(Math.Pow(10, decade));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{Top}\" x2=\"{x:F1}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">1e{decade:0}</text>\n");
        }

        foreach (double fraction in new[] { 0, 0.5, 1 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(maxLoss * fraction) + 4:F1}\" text-anchor=\"end\">{maxLoss * fraction:G3}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">learning rate (log scale)</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Top - 12}\">best validation loss</text>\n");
        foreach (var (rate, loss, label) in trials)
        {
            bool failed = loss is not double l || !double.IsFinite(l);
            double y = failed ? Top : Y(loss!.Value);
            string colour = failed ? "#d62728" : "#1f77b4";
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(rate):F1}\" cy=\"{y:F1}\" r=\"5\" fill=\"{colour}\" fill-opacity=\"0.7\"><title>{label}</title></circle>\n");
        }

        svg.Append("</svg>\n");
        File.WriteAllText(path, svg.ToString());
    }
}
