using System.Globalization;
using ApprovalFlow.Documents.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>
/// Lays blocks down the pages, top to bottom: starts a new page when the next line or table row does not fit,
/// repeats table headers there, and numbers pages from the second on (each annex counts its own pages).
/// </summary>
internal sealed class PageFlow(PdfDocument pdf, PdfFonts fonts)
{
    private static readonly XPen Thin = new(XColors.Black, 0.6);
    private static readonly XPen RulePen = new(XColors.Black, 0.8);

    private readonly TextLines lines = new(fonts);
    private XGraphics? gfx;
    private double y;
    private int pageInPart;

    private XGraphics Gfx => gfx ?? NewPage();

    /// <summary>The two-column header on the first page.</summary>
    public void Header(LetterHead head)
    {
        var gfx = Gfx;
        var leftWidth = PageGeometry.TextWidth * PageGeometry.HeaderLeftShare;
        var rightX = PageGeometry.Left + leftWidth;
        var rightWidth = PageGeometry.TextWidth - leftWidth;
        var top = y;

        var left = top;
        if (head.ParentName is { Length: > 0 } parent)
        {
            left = Text(gfx, [new Span(parent)], 12, PageGeometry.Left, leftWidth, left, TextAlign.Center, PageGeometry.TightLineSpacing);
        }

        var agencyFont = fonts.Get(12, bold: true);
        left = Text(gfx, [new Span(head.AgencyName, Bold: true)], 12, PageGeometry.Left, leftWidth, left, TextAlign.Center, PageGeometry.TightLineSpacing);
        var agencyWidth = Math.Min(fonts.Measure(DocumentText.Clean(head.AgencyName), agencyFont), leftWidth);
        left = HorizontalRule(gfx, PageGeometry.Left + (leftWidth / 2), agencyWidth * 0.4, left + 3) + 2;

        var right = top;
        right = Text(gfx, [new Span(NationalTitle.Name, Bold: true)], 12, rightX, rightWidth, right, TextAlign.Center, PageGeometry.TightLineSpacing);
        right = Text(gfx, [new Span(NationalTitle.Motto, Bold: true)], 13, rightX, rightWidth, right, TextAlign.Center, PageGeometry.TightLineSpacing);
        var mottoWidth = fonts.Measure(NationalTitle.Motto, fonts.Get(13, bold: true));
        right = HorizontalRule(gfx, rightX + (rightWidth / 2), mottoWidth, right + 3) + 2;

        // The number and the place-and-date line share a line (ô 3 and 4).
        var numberLine = Math.Max(left, right) + 6;
        left = Text(gfx, [new Span(head.Number)], 13, PageGeometry.Left, leftWidth, numberLine, TextAlign.Center, PageGeometry.TightLineSpacing);
        right = Text(gfx, [new Span(head.PlaceAndDate, Italic: true)], 13, rightX, rightWidth, numberLine, TextAlign.Center, PageGeometry.TightLineSpacing);
        if (head.Subject is { Length: > 0 } subject)
        {
            left = Text(gfx, [new Span("V/v " + subject)], 12, PageGeometry.Left, leftWidth, left + 6, TextAlign.Center, PageGeometry.TightLineSpacing);
        }

        y = Math.Max(left, right) + 12;
    }

    /// <summary>Lays out blocks in order; a block kept with the next gets room for itself and the start of what follows.</summary>
    public void Blocks(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            var keep = 0.0;
            for (var j = i; j < blocks.Count - 1 && blocks[j] is Paragraph { KeepWithNext: true }; j++)
            {
                keep += LeadHeight(blocks[j + 1]);
            }

            Block(blocks[i], keep);
        }
    }

    private void Block(Block block, double keepWithNext)
    {
        switch (block)
        {
            case Paragraph paragraph:
                Paragraph(paragraph, keepWithNext);
                break;
            case Table table:
                Table(table);
                break;
            case Rule rule:
                y = HorizontalRule(Gfx, PageGeometry.Left + (PageGeometry.TextWidth / 2), rule.Width, y + 2) + 8;
                break;
            default:
                throw new NotSupportedException(block.GetType().Name);
        }
    }

    /// <summary>"Nơi nhận" on the left, level with the signer's title on the right; kept together on one page.</summary>
    public void Signature(SignatureBlock signature)
    {
        var leftWidth = PageGeometry.TextWidth * 0.45;
        var rightX = PageGeometry.Left + leftWidth;
        var rightWidth = PageGeometry.TextWidth - leftWidth;
        var recipients = Recipients(signature.Recipients);
        var titleLines = new List<Span>();
        if (signature.Authority is { Length: > 0 } authority)
        {
            titleLines.Add(new Span(authority, Bold: true));
        }

        titleLines.Add(new Span(signature.SignerTitle, Bold: true));
        var rightHeight = (titleLines.Count * 14 * PageGeometry.TightLineSpacing) + PageGeometry.SignatureSpace + (14 * PageGeometry.TightLineSpacing);
        var leftHeight = (12 * PageGeometry.TightLineSpacing) + (recipients.Count * 11 * PageGeometry.TightLineSpacing);
        y += 6;
        EnsureSpace(Math.Max(leftHeight, rightHeight));

        var top = y;
        var left = Text(Gfx, [new Span("Nơi nhận:", Bold: true, Italic: true)], 12, PageGeometry.Left, leftWidth, top, TextAlign.Left, PageGeometry.TightLineSpacing);
        foreach (var recipient in recipients)
        {
            left = Text(Gfx, [new Span(recipient)], 11, PageGeometry.Left, leftWidth, left, TextAlign.Left, PageGeometry.TightLineSpacing);
        }

        var right = top;
        foreach (var line in titleLines)
        {
            right = Text(Gfx, [line], 14, rightX, rightWidth, right, TextAlign.Center, PageGeometry.TightLineSpacing);
        }

        right += PageGeometry.SignatureSpace;
        right = Text(Gfx, [new Span(signature.SignerName, Bold: true)], 14, rightX, rightWidth, right, TextAlign.Center, PageGeometry.TightLineSpacing);
        y = Math.Max(left, right);
    }

    /// <summary>An annex starts a page and numbers its pages from 1, hiding the number on its first page as the letter does.</summary>
    public void StartAnnex()
    {
        pageInPart = 0;
        NewPage();
    }

    public void Finish() => gfx?.Dispose();

    /// <summary>"- Như trên;" … "- Lưu: VT." as the decree ends the list.</summary>
    private static List<string> Recipients(IReadOnlyList<string> recipients) =>
        [.. recipients.Select((r, i) => $"- {DocumentText.Clean(r).TrimEnd(';', '.', ' ')}{(i == recipients.Count - 1 ? "." : ";")}")];

    /// <summary>The least of a block that must share a page with a heading kept with it: two lines, or a table's header and first row.</summary>
    private double LeadHeight(Block block)
    {
        switch (block)
        {
            case Paragraph paragraph:
                var count = lines.Wrap(paragraph.Spans, paragraph.Size, PageGeometry.TextWidth, paragraph.FirstLineIndent).Count;
                return paragraph.SpaceBefore + (Math.Min(count, 2) * paragraph.Size * PageGeometry.BodyLineSpacing);
            case Table table:
                var layout = new TableLayout(table, lines);
                var firstRow = table.Rows.Count > 0 ? Math.Min(layout.RowHeight(layout.Body(0)), 3 * layout.LinePitch) : 0;
                return 2 + layout.Header().Height + firstRow;
            default:
                return 0;
        }
    }

    private void Paragraph(Paragraph paragraph, double keepWithNext)
    {
        var wrapped = lines.Wrap(paragraph.Spans, paragraph.Size, PageGeometry.TextWidth, paragraph.FirstLineIndent);
        var pitch = paragraph.Size * PageGeometry.BodyLineSpacing;
        y += paragraph.SpaceBefore;

        // A heading is not left alone at the foot of a page: it needs room for itself and the start of what follows.
        EnsureSpace((wrapped.Count * pitch) + paragraph.SpaceAfter + keepWithNext);
        foreach (var line in wrapped)
        {
            EnsureSpace(pitch);
            DrawLine(Gfx, line, PageGeometry.Left, PageGeometry.TextWidth, y, paragraph.Align, pitch);
            y += pitch;
        }

        y += paragraph.SpaceAfter;
    }

    private void Table(Table table)
    {
        var layout = new TableLayout(table, lines);
        var header = layout.Header();
        y += 2;

        // The header and the first row start on the same page.
        var firstRowHeight = table.Rows.Count > 0 ? layout.RowHeight(layout.Body(0)) : 0;
        EnsureSpace(header.Height + Math.Min(firstRowHeight, 3 * layout.LinePitch));
        y = header.Draw(Gfx, y);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = layout.Body(r);
            var remaining = row;
            while (remaining is not null)
            {
                var fitting = (int)Math.Floor((PageGeometry.TextBottom - y - (2 * TableLayout.PaddingY)) / layout.LinePitch);
                if (fitting < remaining.MinimumLines)
                {
                    NewPage();
                    y = header.Draw(Gfx, y);
                    continue;
                }

                (var part, remaining) = remaining.Split(fitting);
                y = part.Draw(Gfx, y);
            }
        }

        y += 6;
    }

    private void EnsureSpace(double height)
    {
        if (gfx is null || y + height > PageGeometry.TextBottom)
        {
            NewPage();
        }
    }

    private XGraphics NewPage()
    {
        gfx?.Dispose();
        var page = pdf.AddPage();
        page.Width = XUnit.FromPoint(PageGeometry.Width);
        page.Height = XUnit.FromPoint(PageGeometry.Height);
        gfx = XGraphics.FromPdfPage(page);
        pageInPart++;
        y = PageGeometry.Top;
        if (pageInPart > 1)
        {
            var number = pageInPart.ToString(CultureInfo.InvariantCulture);
            var font = fonts.Get(PageGeometry.PageNumberSize);
            var width = fonts.Measure(number, font);
            gfx.DrawString(number, font, XBrushes.Black, PageGeometry.Left + ((PageGeometry.TextWidth - width) / 2), PageGeometry.PageNumberBaseline, XStringFormats.Default);
        }

        return gfx;
    }

    /// <summary>Wrapped text in a box that never breaks across pages (the header, the signature block); returns the y below it.</summary>
    private double Text(XGraphics g, IReadOnlyList<Span> spans, double size, double x, double width, double top, TextAlign align, double spacing)
    {
        var pitch = size * spacing;
        foreach (var line in lines.Wrap(spans, size, width, 0))
        {
            DrawLine(g, line, x, width, top, align, pitch);
            top += pitch;
        }

        return top;
    }

    private static double HorizontalRule(XGraphics g, double centre, double width, double at)
    {
        g.DrawLine(RulePen, centre - (width / 2), at, centre + (width / 2), at);
        return at;
    }

    /// <summary>Draws a line's words; justified lines spread the gaps, except the paragraph's last line.</summary>
    internal static void DrawLine(XGraphics g, Line line, double x, double width, double top, TextAlign align, double pitch)
    {
        if (line.Words.Count == 0)
        {
            return;
        }

        var available = width - line.Indent;
        var slack = Math.Max(0, available - line.Width);
        var start = x + line.Indent + align switch
        {
            TextAlign.Center => slack / 2,
            TextAlign.Right => slack,
            _ => 0,
        };
        var extraGap = align == TextAlign.Justify && !line.EndsParagraph && line.Words.Count > 1 ? slack / (line.Words.Count - 1) : 0;

        // The baseline sits where single spacing puts it, with the extra pitch of wider spacing above the line.
        var first = line.Words[0].Pieces[0].Font;
        var baseline = top + (pitch - (first.Size * PageGeometry.TightLineSpacing)) + PdfFonts.Ascent(first);
        var cursor = start;
        for (var i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            for (var p = 0; p < word.Pieces.Count; p++)
            {
                // The space after a word is drawn too, so that copying or extracting the text keeps its word breaks.
                var piece = word.Pieces[p];
                var spaced = p == word.Pieces.Count - 1 && i < line.Words.Count - 1 && word.SpaceAfter > 0 ? piece.Text + " " : piece.Text;
                g.DrawString(spaced, piece.Font, XBrushes.Black, cursor, baseline, XStringFormats.Default);
                cursor += piece.Width;
            }

            cursor += word.SpaceAfter + extraGap;
        }
    }

    internal static XPen Border => Thin;
}
