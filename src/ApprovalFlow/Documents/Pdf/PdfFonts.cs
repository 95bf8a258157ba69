using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>The fonts of one document, by size and style, with cached measurements (a document repeats its words a lot).</summary>
internal sealed class PdfFonts : IDisposable
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode);

    /// <summary>Character advances per point of size, by face; shared by all documents (the faces never change in a process).</summary>
    private static readonly ConcurrentDictionary<(bool Bold, bool Italic, int CodePoint), double> Advances = new();

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

    /// <summary>
    /// A text's advance width: the sum of its characters' advances, each measured once per process and face (PDFsharp
    /// applies no kerning, so the sum is what it draws). Measuring word by word through PDFsharp was most of the time a
    /// document took.
    /// </summary>
    public double Measure(string text, XFont font)
    {
        if (widths.TryGetValue((font, text), out var width))
        {
            return width;
        }

        var style = (font.Bold, font.Italic);
        for (var i = 0; i < text.Length; i++)
        {
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var codePoint = length == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            if (!Advances.TryGetValue((style.Bold, style.Italic, codePoint), out var perPoint))
            {
                perPoint = measure.MeasureString(text.Substring(i, length), font).Width / font.Size;
                Advances[(style.Bold, style.Italic, codePoint)] = perPoint;
            }

            width += perPoint * font.Size;
            i += length - 1;
        }

        widths[(font, text)] = width;
        return width;
    }

    /// <summary>Measures without caching: for the one-off prefixes of a word being cut.</summary>
    public double MeasureOnce(string text, XFont font) => measure.MeasureString(text, font).Width;

    public double SpaceWidth(XFont font) => Measure(" ", font);

    /// <summary>The distance from a line's top to its baseline.</summary>
    public static double Ascent(XFont font) => font.Size * font.Metrics.Ascent / font.Metrics.UnitsPerEm;

    public void Dispose() => measure.Dispose();
}
