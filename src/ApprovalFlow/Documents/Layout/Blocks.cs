namespace ApprovalFlow.Documents.Layout;

/// <summary>Horizontal alignment of a paragraph or a table cell.</summary>
public enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>A piece of the document's flow: a paragraph, a table, a short rule.</summary>
public abstract record Block;

/// <summary>A run of text in one style.</summary>
public sealed record Span(string Text, bool Bold = false, bool Italic = false);

/// <summary>
/// A paragraph. Sizes and spacing are in points; the body default follows the decree: 14 pt, justified, first line
/// indented 1 cm, 6 pt after.
/// </summary>
public sealed record Paragraph(IReadOnlyList<Span> Spans) : Block
{
    /// <summary>First-line indent of body paragraphs: 1 cm.</summary>
    public const double BodyIndent = 28.35;

    public double Size { get; init; } = 14;

    public TextAlign Align { get; init; } = TextAlign.Justify;

    public double FirstLineIndent { get; init; } = BodyIndent;

    public double SpaceBefore { get; init; }

    public double SpaceAfter { get; init; } = 6;

    /// <summary>Keeps the paragraph on the page of the next block, as headings are.</summary>
    public bool KeepWithNext { get; init; }

    public string Text => string.Concat(Spans.Select(s => s.Text));

    /// <summary>A body paragraph in one style.</summary>
    public static Paragraph Body(string text, bool bold = false, bool italic = false) => new([new Span(text, bold, italic)]);

    /// <summary>A bold heading (I., 1., 1.1.) that stays with what follows.</summary>
    public static Paragraph Heading(string text) => new([new Span(text, Bold: true)]) { KeepWithNext = true };

    /// <summary>A centred line, e.g. a title.</summary>
    public static Paragraph Centered(string text, double size = 14, bool bold = false, bool italic = false) =>
        new([new Span(text, bold, italic)]) { Align = TextAlign.Center, FirstLineIndent = 0, Size = size, SpaceAfter = 0 };
}

/// <summary>A solid horizontal rule centred on the text width, as the decree draws under a title.</summary>
/// <param name="Width">Its length in points.</param>
public sealed record Rule(double Width) : Block;

/// <summary>
/// A table with borders. Header rows repeat on every page the table runs onto; header cells may span rows and
/// columns, body cells columns only.
/// </summary>
/// <param name="ColumnWidths">Relative widths, scaled to the text width.</param>
/// <param name="HeaderRows">Rows repeated at the top of every page.</param>
/// <param name="Rows">The body rows.</param>
public sealed record Table(IReadOnlyList<double> ColumnWidths, IReadOnlyList<TableRow> HeaderRows, IReadOnlyList<TableRow> Rows) : Block
{
    public double Size { get; init; } = 13;
}

/// <summary>A table row; <paramref name="Bold"/> sets all its cells bold (subtotal and total rows).</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool Bold = false);

/// <summary>A table cell.</summary>
public sealed record TableCell(string Text, TextAlign Align = TextAlign.Left, int ColSpan = 1, int RowSpan = 1, bool Bold = false, bool Italic = false)
{
    public static TableCell Center(string text, int colSpan = 1, int rowSpan = 1) => new(text, TextAlign.Center, colSpan, rowSpan);

    public static TableCell Number(string text) => new(text, TextAlign.Right);
}
