using ApprovalFlow.Documents.Docx;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Documents.Pdf;
using ApprovalFlow.Tests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ApprovalFlow.Tests.Documents;

/// <summary>Long letters and hostile input: nothing is cut off, nothing overlaps, the files stay valid.</summary>
public sealed class LayoutRobustnessTests
{
    private const double PointsPerMm = 72 / 25.4;

    [Fact]
    public void A_proposal_of_forty_long_tasks_repeats_table_headers_on_every_page_and_nothing_overlaps()
    {
        var letter = ProposalLetter.Build(DocumentSamples.Letter(DocumentSamples.ManyTasks(40)));
        var pdf = PdfDocumentWriter.Write(letter);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(document.NumberOfPages, PdfDocument.Open(PdfDocumentWriter.Write(letter)).NumberOfPages);
        Assert.True(document.NumberOfPages > 10, $"only {document.NumberOfPages} pages");

        // The summary table runs from the page with its title to the page with its total; each of those pages starts
        // the table with its header.
        var pages = document.GetPages().ToList();
        var first = pages.First(p => p.Text.Contains("Tổng hợp nhu cầu kinh phí", StringComparison.Ordinal)).Number;
        var last = pages.First(p => p.Text.Contains("Tổng cộng", StringComparison.Ordinal)).Number;
        Assert.True(last > first, "the summary of forty tasks should run over more than one page");
        for (var n = first; n <= last; n++)
        {
            var text = PdfReading.Normalize(string.Join(" ", PdfReading.PageWords(pages[n - 1]).Select(w => w.Text)));
            Assert.True(text.Contains("Tên nhiệm vụ Nội dung thực hiện", StringComparison.Ordinal), $"page {n} of {first}–{last} has no table header: {text}");
        }

        var rows = Enumerable.Range(1, 40).Select(i => $"Nhiệm vụ số {i}:").ToList();
        PdfReading.AssertInOrder(PdfReading.Text(pdf), [.. rows, "Tổng cộng"]);
        AssertNothingOverlapsOrLeavesTheTextArea(pages);
    }

    [Fact]
    public void Hostile_text_renders_without_breaking_the_layout_or_the_files()
    {
        var content = SeedLetter.Content();
        var longWord = string.Concat(Enumerable.Repeat("Chuyểnđổisố", 40));
        content.Subject = "<script>alert('x')</script> " + longWord;
        content.Goals = "Mục tiêu\u0000\u0007\u001b[31m 🚀🇻🇳 <b>đậm</b> &amp; " + longWord + " a\u0301\u0323 cuối";
        content.Tasks[0].Name = longWord;
        content.Tasks[0].Scope = [longWord, "<img src=x onerror=alert(1)>"];
        content.Recipients = ["Như trên", longWord];
        content.SignerName = "Trần Văn Mẫn 👍";
        var letter = ProposalLetter.Build(DocumentSamples.Letter(content));

        var pdf = PdfDocumentWriter.Write(letter);
        using var document = PdfDocument.Open(pdf);
        var text = PdfReading.Text(pdf);
        PdfReading.AssertInOrder(text, ["<script>alert('x')</script>", "Mục tiêu", "<b>đậm</b> &amp;", "ạ́ cuối", "<img src=x onerror=alert(1)>"]);
        Assert.DoesNotContain('\u0007', text);
        AssertNothingOverlapsOrLeavesTheTextArea(document.GetPages().ToList());

        var docx = DocxDocumentWriter.Write(letter);
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var docxText = package.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("<script>alert('x')</script>", docxText, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0000', docxText);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package));
    }

    /// <summary>Every word lies inside the text area (the page number in the top margin aside) and no two words overlap.</summary>
    private static void AssertNothingOverlapsOrLeavesTheTextArea(IReadOnlyList<Page> pages)
    {
        foreach (var page in pages)
        {
            var words = page.GetWords().Where(w => w.BoundingBox.Bottom < page.Height - (20 * PointsPerMm)).ToList();
            foreach (var word in words)
            {
                var box = word.BoundingBox;
                Assert.True(box.Left >= (30 * PointsPerMm) - 0.5 && box.Right <= page.Width - (15 * PointsPerMm) + 0.5, $"page {page.Number}: \"{word.Text}\" runs into the side margin ({box.Left:0.#}–{box.Right:0.#})");
                Assert.True(box.Bottom >= (20 * PointsPerMm) - 6, $"page {page.Number}: \"{word.Text}\" runs into the bottom margin ({box.Bottom:0.#})");
            }

            for (var i = 0; i < words.Count; i++)
            {
                for (var j = i + 1; j < words.Count; j++)
                {
                    var a = words[i].BoundingBox;
                    var b = words[j].BoundingBox;
                    var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                    var overlapY = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                    Assert.False(overlapX > 0.5 && overlapY > 0.5, $"page {page.Number}: \"{words[i].Text}\" overlaps \"{words[j].Text}\"");
                }
            }
        }
    }
}
