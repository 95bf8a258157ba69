using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>The fonts of one document, by size and style, with cached measurements (a document repeats its words a lot).</summary>
internal sealed class PdfFonts : IDisposable
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode);

    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> fonts = [];
    private readonly Dictionary<(XFont Font, string Text), double> widths = [];
    private readonly XGraphics measure = XGraphics.CreateMeasureContext(new XSize(595.28, 841.89), XGraphicsUnit.Point, XPageDirection.Downwards);

    public XFont Get(double size, bool bold = false, bool italic = false)
    {
        if (!fonts.TryGetValue((size, bold, italic), out var font))
        {
            var style = (bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            font = new XFont(DocumentFonts.Family, size, style, Embedded);
            fonts[(size, bold, italic)] = font;
        }

        return font;
    }

    public double Measure(string text, XFont font)
    {
        if (!widths.TryGetValue((font, text), out var width))
        {
            width = measure.MeasureString(text, font).Width;
            widths[(font, text)] = width;
        }

        return width;
    }

    /// <summary>Measures without caching: for the one-off prefixes of a word being cut.</summary>
    public double MeasureOnce(string text, XFont font) => measure.MeasureString(text, font).Width;

    public double SpaceWidth(XFont font) => Measure(" ", font);

    /// <summary>The distance from a line's top to its baseline.</summary>
    public static double Ascent(XFont font) => font.Size * font.Metrics.Ascent / font.Metrics.UnitsPerEm;

    public void Dispose() => measure.Dispose();
}
