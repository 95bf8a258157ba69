using System.Globalization;
using System.Text;
using ApprovalFlow.Documents.Layout;
using PdfSharp.Drawing;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>A piece of a word in one font (a word may change style midway, e.g. a bold label followed by text).</summary>
internal readonly record struct Piece(string Text, XFont Font, double Width);

/// <summary>A word: what is never broken across lines, unless it is wider than the line itself.</summary>
internal sealed record Word(IReadOnlyList<Piece> Pieces, double Width, double SpaceAfter);

/// <summary>A laid-out line: its words, their natural width, and whether it ends its paragraph (never justified).</summary>
internal sealed record Line(IReadOnlyList<Word> Words, double Width, double Indent, bool EndsParagraph);

/// <summary>Breaks styled text into lines of a given width, measuring with PDFsharp.</summary>
internal sealed class TextLines(PdfFonts fonts)
{
    /// <summary>Greedy line breaking; a word wider than a line is cut between characters so nothing runs past the edge.</summary>
    public List<Line> Wrap(IReadOnlyList<Span> spans, double size, double width, double firstIndent)
    {
        var words = Words(spans, size);
        var lines = new List<Line>();
        var current = new List<Word>();
        double used = 0;
        var indent = firstIndent;

        void Flush(bool endsParagraph)
        {
            lines.Add(new Line([.. current], used, indent, endsParagraph));
            current.Clear();
            used = 0;
            indent = 0;
        }

        foreach (var word in words.SelectMany(w => Cut(w, Math.Max(width - firstIndent, 1))))
        {
            var available = width - indent;
            var spaceBefore = current.Count > 0 ? current[^1].SpaceAfter : 0;
            if (current.Count > 0 && used + spaceBefore + word.Width > available)
            {
                Flush(endsParagraph: false);
                spaceBefore = 0;
            }

            used += spaceBefore + word.Width;
            current.Add(word);
        }

        Flush(endsParagraph: true);
        return lines;
    }

    /// <summary>Splits spans at spaces into words; a style change inside a word keeps the word whole.</summary>
    private List<Word> Words(IReadOnlyList<Span> spans, double size)
    {
        var words = new List<Word>();
        var pieces = new List<Piece>();
        XFont? lastFont = null;

        void EndWord()
        {
            if (pieces.Count > 0)
            {
                words.Add(new Word([.. pieces], pieces.Sum(p => p.Width), fonts.SpaceWidth(lastFont!)));
                pieces.Clear();
            }
        }

        foreach (var span in spans)
        {
            var font = fonts.Get(size, span.Bold, span.Italic);
            var text = DocumentText.Clean(span.Text);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || char.IsWhiteSpace(text[i]))
                {
                    if (i > start)
                    {
                        var part = text[start..i];
                        pieces.Add(new Piece(part, font, fonts.Measure(part, font)));
                        lastFont = font;
                    }

                    if (i < text.Length)
                    {
                        EndWord();
                    }

                    start = i + 1;
                }
            }
        }

        EndWord();
        return words;
    }

    /// <summary>A word that does not fit a whole line, cut into line-wide chunks (a URL, a run of digits, hostile input).</summary>
    private IEnumerable<Word> Cut(Word word, double width)
    {
        if (word.Width <= width)
        {
            yield return word;
            yield break;
        }

        var chunk = new List<Piece>();
        double chunkWidth = 0;
        foreach (var piece in word.Pieces)
        {
            var text = new StringBuilder();
            var elements = StringInfo.GetTextElementEnumerator(piece.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var candidateWidth = fonts.MeasureOnce(text + element, piece.Font);
                if (chunkWidth + candidateWidth > width && (text.Length > 0 || chunk.Count > 0))
                {
                    if (text.Length > 0)
                    {
                        chunk.Add(new Piece(text.ToString(), piece.Font, fonts.MeasureOnce(text.ToString(), piece.Font)));
                    }

                    yield return new Word([.. chunk], chunk.Sum(p => p.Width), 0);
                    chunk.Clear();
                    chunkWidth = 0;
                    text.Clear();
                }

                text.Append(element);
            }

            if (text.Length > 0)
            {
                var rest = new Piece(text.ToString(), piece.Font, fonts.MeasureOnce(text.ToString(), piece.Font));
                chunk.Add(rest);
                chunkWidth += rest.Width;
            }
        }

        if (chunk.Count > 0)
        {
            yield return new Word([.. chunk], chunkWidth, word.SpaceAfter);
        }
    }
}
