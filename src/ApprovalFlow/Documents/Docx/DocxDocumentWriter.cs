using ApprovalFlow.Documents.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LayoutParagraph = ApprovalFlow.Documents.Layout.Paragraph;
using LayoutTable = ApprovalFlow.Documents.Layout.Table;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace ApprovalFlow.Documents.Docx;

/// <summary>
/// Renders an <see cref="OfficialDocument"/> as an editable Word document with the same page, margins, header and
/// tables as the PDF, for offices that finish their documents in Word. Fonts are named, not embedded: Word substitutes
/// a metric-compatible face where Times New Roman is missing.
/// </summary>
public static class DocxDocumentWriter
{
    private const string Font = "Times New Roman";

    /// <summary>The DOCX file's bytes.</summary>
    public static byte[] Write(OfficialDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = DocumentText.Clean(document.Title);
            package.PackageProperties.Creator = "ApprovalFlow";
            var main = package.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Header(document.Head));
            foreach (var block in document.Body)
            {
                body.Append(Block(block));
            }

            body.Append(Signature(document.Signature));
            foreach (var annex in document.Annexes)
            {
                for (var i = 0; i < annex.Heading.Count; i++)
                {
                    var heading = Paragraph(annex.Heading[i]);
                    if (i == 0)
                    {
                        heading.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
                    }

                    body.Append(heading);
                }

                foreach (var block in annex.Content)
                {
                    body.Append(Block(block));
                }
            }

            body.Append(Section(main));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Block(Block block) => block switch
    {
        LayoutParagraph paragraph => [Paragraph(paragraph)],
        LayoutTable table => [TableOf(table), new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "120" }))],
        Rule rule => [RuleParagraph(rule.Width, Twips.TextWidth)],
        _ => throw new NotSupportedException(block.GetType().Name),
    };

    private static Paragraph Paragraph(LayoutParagraph paragraph)
    {
        var properties = new ParagraphProperties(
            new KeepNext { Val = paragraph.KeepWithNext },
            new SpacingBetweenLines
            {
                Before = Twips.Points(paragraph.SpaceBefore),
                After = Twips.Points(paragraph.SpaceAfter),
                Line = ((int)Math.Round(240 * 1.3)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Auto,
            },
            new Indentation { FirstLine = Twips.Points(paragraph.FirstLineIndent) },
            new Justification { Val = Alignment(paragraph.Align) });
        var result = new Paragraph(properties);
        foreach (var span in paragraph.Spans)
        {
            result.Append(Run(span.Text, paragraph.Size, span.Bold, span.Italic));
        }

        return result;
    }

    private static Run Run(string text, double size, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = Twips.HalfPoints(size) }, new FontSizeComplexScript { Val = Twips.HalfPoints(size) });
        return new Run(properties, new Text(DocumentText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Line(string text, double size, JustificationValues align, bool bold = false, bool italic = false, int after = 0) =>
        new(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = after.ToString(System.Globalization.CultureInfo.InvariantCulture), Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = align }),
            Run(text, size, bold, italic));

    /// <summary>A short solid rule: an empty paragraph's top border, narrowed by equal indents to <paramref name="width"/> points.</summary>
    private static Paragraph RuleParagraph(double width, int containerTwips)
    {
        var indent = Math.Max(0, (containerTwips - (int)(width * 20)) / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "60", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent, Right = indent }));
    }

    /// <summary>The two-column header as a borderless table: agency and national title, then number and date on one line.</summary>
    private static Table Header(LetterHead head)
    {
        var left = (int)(Twips.TextWidth * 0.4);
        var right = Twips.TextWidth - left;
        var agencyCell = new List<OpenXmlElement>();
        if (head.ParentName is { Length: > 0 } parent)
        {
            agencyCell.Add(Line(parent, 12, JustificationValues.Center));
        }

        agencyCell.Add(Line(head.AgencyName, 12, JustificationValues.Center, bold: true));
        agencyCell.Add(RuleParagraph(Math.Min(head.AgencyName.Length * 7.5, left / 20.0) * 0.4, left));
        var titleCell = new List<OpenXmlElement>
        {
            Line(NationalTitle.Name, 12, JustificationValues.Center, bold: true),
            Line(NationalTitle.Motto, 13, JustificationValues.Center, bold: true),
            RuleParagraph(NationalTitle.Motto.Length * 6.3, right),
        };
        var numberCell = new List<OpenXmlElement> { Line(head.Number, 13, JustificationValues.Center, after: 120) };
        if (head.Subject is { Length: > 0 } subject)
        {
            numberCell.Add(Line("V/v " + subject, 12, JustificationValues.Center));
        }

        var dateCell = new List<OpenXmlElement> { Line(head.PlaceAndDate, 13, JustificationValues.Center, italic: true) };
        var table = BorderlessTable(left, right);
        table.Append(
            new TableRow(Cell(left, agencyCell), Cell(right, titleCell)),
            new TableRow(Cell(left, numberCell), Cell(right, dateCell)));
        return table;
    }

    /// <summary>"Nơi nhận" on the left and the signer on the right, with blank lines where the signature image goes.</summary>
    private static Table Signature(SignatureBlock signature)
    {
        var left = (int)(Twips.TextWidth * 0.45);
        var right = Twips.TextWidth - left;
        var recipients = new List<OpenXmlElement> { Line("Nơi nhận:", 12, JustificationValues.Left, bold: true, italic: true) };
        for (var i = 0; i < signature.Recipients.Count; i++)
        {
            var text = DocumentText.Clean(signature.Recipients[i]).TrimEnd(';', '.', ' ');
            recipients.Add(Line($"- {text}{(i == signature.Recipients.Count - 1 ? "." : ";")}", 11, JustificationValues.Left));
        }

        var signer = new List<OpenXmlElement>();
        if (signature.Authority is { Length: > 0 } authority)
        {
            signer.Add(Line(authority, 14, JustificationValues.Center, bold: true));
        }

        signer.Add(Line(signature.SignerTitle, 14, JustificationValues.Center, bold: true));
        signer.AddRange(Enumerable.Range(0, 4).Select(_ => Line("", 14, JustificationValues.Center)));
        signer.Add(Line(signature.SignerName, 14, JustificationValues.Center, bold: true));

        var table = BorderlessTable(left, right);
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(left, recipients), Cell(right, signer)));
        return table;
    }

    private static Table BorderlessTable(params int[] widths)
    {
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips.Of(widths.Sum()) }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips.Of(w) })));
    }

    private static TableCell Cell(int width, IEnumerable<OpenXmlElement> content) =>
        new([new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips.Of(width) }), .. content]);

    /// <summary>A bordered table; header rows are marked to repeat on each page, header spans become gridSpan and vMerge.</summary>
    private static Table TableOf(LayoutTable source)
    {
        var total = source.ColumnWidths.Sum();
        var widths = source.ColumnWidths.Select(w => (int)(w / total * Twips.TextWidth)).ToArray();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips.Of(widths.Sum()) }, border, new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips.Of(w) })));

        // Which header columns a cell from a row above still covers, and for how many more rows.
        var pending = new int[widths.Length];
        foreach (var row in source.HeaderRows)
        {
            var cells = new List<TableCell>();
            var column = 0;
            var queue = new Queue<Layout.TableCell>(row.Cells);
            while (column < widths.Length)
            {
                if (pending[column] > 0)
                {
                    pending[column]--;
                    cells.Add(DataCell(new Layout.TableCell(""), widths, column, 1, source.Size, bold: true, header: true, merge: MergedCellValues.Continue));
                    column++;
                    continue;
                }

                if (!queue.TryDequeue(out var cell))
                {
                    break;
                }

                var span = Math.Clamp(cell.ColSpan, 1, widths.Length - column);
                if (cell.RowSpan > 1)
                {
                    pending[column] = cell.RowSpan - 1;
                }

                cells.Add(DataCell(cell, widths, column, span, source.Size, bold: true, header: true, merge: cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                column += span;
            }

            table.Append(new TableRow([new TableRowProperties(new TableHeader(), new CantSplit()), .. cells]));
        }

        foreach (var row in source.Rows)
        {
            var cells = new List<TableCell>();
            var column = 0;
            foreach (var cell in row.Cells)
            {
                if (column >= widths.Length)
                {
                    break;
                }

                var span = Math.Clamp(cell.ColSpan, 1, widths.Length - column);
                cells.Add(DataCell(cell, widths, column, span, source.Size, row.Bold, header: false, merge: null));
                column += span;
            }

            for (; column < widths.Length; column++)
            {
                cells.Add(DataCell(new Layout.TableCell(""), widths, column, 1, source.Size, bold: false, header: false, merge: null));
            }

            table.Append(new TableRow(cells));
        }

        return table;
    }

    private static TableCell DataCell(Layout.TableCell cell, int[] widths, int column, int span, double size, bool bold, bool header, MergedCellValues? merge)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips.Of(widths.Skip(column).Take(span).Sum()) });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } value)
        {
            properties.Append(new VerticalMerge { Val = value });
        }

        if (header)
        {
            properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var paragraph = new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = Alignment(cell.Align) }),
            Run(cell.Text, size, cell.Bold || bold, cell.Italic));
        return new TableCell(properties, paragraph);
    }

    private static JustificationValues Alignment(TextAlign align) => align switch
    {
        TextAlign.Center => JustificationValues.Center,
        TextAlign.Right => JustificationValues.Right,
        TextAlign.Justify => JustificationValues.Both,
        _ => JustificationValues.Left,
    };

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0" }))));
        styles.Styles.Save();
    }

    /// <summary>A4 portrait, the decree's margins, page numbers centred in the top margin from page 2 (a blank first-page header).</summary>
    private static SectionProperties Section(MainDocumentPart main)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(Run("1", 13)) { Instruction = " PAGE " }));
        numbered.Header.Save();
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();

        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = Twips.Millimetres(20), Bottom = Twips.Millimetres(20), Left = (uint)Twips.Millimetres(30), Right = (uint)Twips.Millimetres(15), Header = 567, Footer = 567, Gutter = 0 },
            new TitlePage());
    }
}
