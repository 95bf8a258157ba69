using ApprovalFlow.Documents.Layout;
using PdfSharp.Drawing;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>A cell's place and wrapped text.</summary>
internal sealed record PlacedCell(double X, double Width, IReadOnlyList<Line> Lines, TextAlign Align);

/// <summary>Measures a table: column positions, the header grid (with spans), and each body row's wrapped cells.</summary>
internal sealed class TableLayout
{
    public const double PaddingX = 3;
    public const double PaddingY = 2;

    private readonly Table table;
    private readonly TextLines lines;
    private readonly double[] columnX;
    private readonly double[] columnWidth;

    public TableLayout(Table table, TextLines lines)
    {
        this.table = table;
        this.lines = lines;
        var total = table.ColumnWidths.Sum();
        columnWidth = [.. table.ColumnWidths.Select(w => w / total * PageGeometry.TextWidth)];
        columnX = new double[columnWidth.Length + 1];
        columnX[0] = PageGeometry.Left;
        for (var i = 0; i < columnWidth.Length; i++)
        {
            columnX[i + 1] = columnX[i] + columnWidth[i];
        }
    }

    public double LinePitch => table.Size * PageGeometry.TightLineSpacing;

    public double RowHeight(RowPart row) => (row.LineCount * LinePitch) + (2 * PaddingY);

    /// <summary>A body row's cells, placed left to right by their column spans.</summary>
    public RowPart Body(int index)
    {
        var row = table.Rows[index];
        var cells = new List<PlacedCell>();
        var column = 0;
        foreach (var cell in row.Cells)
        {
            var span = Math.Clamp(cell.ColSpan, 1, columnWidth.Length - column);
            if (span <= 0)
            {
                break;
            }

            cells.Add(Place(cell, column, span, row.Bold));
            column += span;
        }

        // A short row leaves empty bordered cells rather than a ragged edge.
        for (; column < columnWidth.Length; column++)
        {
            cells.Add(Place(new TableCell(""), column, 1, bold: false));
        }

        return new RowPart(cells, LinePitch);
    }

    /// <summary>The header rows as a grid: cells spanning rows and columns, vertically centred.</summary>
    public HeaderBlock Header()
    {
        var rowCount = table.HeaderRows.Count;
        var taken = new bool[rowCount, columnWidth.Length];
        var placed = new List<(int Row, int RowSpan, PlacedCell Cell)>();
        for (var r = 0; r < rowCount; r++)
        {
            var column = 0;
            foreach (var cell in table.HeaderRows[r].Cells)
            {
                while (column < columnWidth.Length && taken[r, column])
                {
                    column++;
                }

                if (column >= columnWidth.Length)
                {
                    break;
                }

                var colSpan = Math.Clamp(cell.ColSpan, 1, columnWidth.Length - column);
                var rowSpan = Math.Clamp(cell.RowSpan, 1, rowCount - r);
                for (var rr = r; rr < r + rowSpan; rr++)
                {
                    for (var cc = column; cc < column + colSpan; cc++)
                    {
                        taken[rr, cc] = true;
                    }
                }

                placed.Add((r, rowSpan, Place(cell, column, colSpan, bold: true)));
                column += colSpan;
            }
        }

        // Row heights: single-row cells first; a spanning cell taller than its rows adds the difference to its last row.
        var heights = new double[rowCount];
        foreach (var (row, rowSpan, cell) in placed.Where(p => p.RowSpan == 1))
        {
            heights[row] = Math.Max(heights[row], CellHeight(cell));
        }

        foreach (var (row, rowSpan, cell) in placed.Where(p => p.RowSpan > 1))
        {
            var spanned = Enumerable.Range(row, rowSpan).Sum(r => heights[r]);
            if (CellHeight(cell) > spanned)
            {
                heights[row + rowSpan - 1] += CellHeight(cell) - spanned;
            }
        }

        var tops = new double[rowCount + 1];
        for (var r = 0; r < rowCount; r++)
        {
            tops[r + 1] = tops[r] + heights[r];
        }

        var cells = placed.Select(p => new HeaderCell(p.Cell, tops[p.Row], tops[p.Row + p.RowSpan] - tops[p.Row])).ToList();
        return new HeaderBlock(cells, tops[rowCount], LinePitch);
    }

    private double CellHeight(PlacedCell cell) => (Math.Max(cell.Lines.Count, 1) * LinePitch) + (2 * PaddingY);

    private PlacedCell Place(TableCell cell, int column, int span, bool bold)
    {
        var x = columnX[column];
        var width = columnX[column + span] - x;
        var spans = new[] { new Span(cell.Text, cell.Bold || bold, cell.Italic) };
        var wrapped = cell.Text.Length == 0 ? [] : lines.Wrap(spans, table.Size, width - (2 * PaddingX), 0);
        return new PlacedCell(x, width, wrapped, cell.Align);
    }
}

/// <summary>A header cell at its offset from the header's top, with the height of the rows it spans.</summary>
internal sealed record HeaderCell(PlacedCell Cell, double Top, double Height);

/// <summary>The table's header, drawn again at the top of every page the table continues on.</summary>
internal sealed record HeaderBlock(IReadOnlyList<HeaderCell> Cells, double Height, double LinePitch)
{
    public double Draw(XGraphics g, double y)
    {
        foreach (var (cell, top, height) in Cells)
        {
            g.DrawRectangle(PageFlow.Border, cell.X, y + top, cell.Width, height);
            var textTop = y + top + ((height - (cell.Lines.Count * LinePitch)) / 2);
            foreach (var line in cell.Lines)
            {
                PageFlow.DrawLine(g, line, cell.X + TableLayout.PaddingX, cell.Width - (2 * TableLayout.PaddingX), textTop, cell.Align, LinePitch);
                textTop += LinePitch;
            }
        }

        return y + Height;
    }
}

/// <summary>A body row, or what is left of it after a page break.</summary>
internal sealed class RowPart(IReadOnlyList<PlacedCell> cells, double pitch)
{
    public int LineCount => Math.Max(1, cells.Max(c => c.Lines.Count));

    /// <summary>A row of up to three lines is never split; a longer one keeps at least two lines on a page.</summary>
    public int MinimumLines => LineCount <= 3 ? LineCount : 2;

    /// <summary>The first <paramref name="fitting"/> lines of every cell, and the rest (null when nothing is left).</summary>
    public (RowPart Part, RowPart? Remainder) Split(int fitting)
    {
        if (fitting >= LineCount)
        {
            return (this, null);
        }

        var part = cells.Select(c => c with { Lines = [.. c.Lines.Take(fitting)] }).ToList();
        var rest = cells.Select(c => c with { Lines = [.. c.Lines.Skip(fitting)] }).ToList();
        return (new RowPart(part, pitch), new RowPart(rest, pitch));
    }

    public double Draw(XGraphics g, double y)
    {
        var height = (LineCount * pitch) + (2 * TableLayout.PaddingY);
        foreach (var cell in cells)
        {
            g.DrawRectangle(PageFlow.Border, cell.X, y, cell.Width, height);
            var top = y + TableLayout.PaddingY;
            foreach (var line in cell.Lines)
            {
                PageFlow.DrawLine(g, line, cell.X + TableLayout.PaddingX, cell.Width - (2 * TableLayout.PaddingX), top, cell.Align, pitch);
                top += pitch;
            }
        }

        return y + height;
    }
}
