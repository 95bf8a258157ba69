using System.Text;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Documents.Pdf;
using UglyToad.PdfPig;

namespace ApprovalFlow.Tests.Documents;

public sealed class ProposalPdfTests
{
    [Fact]
    public void Renders_the_seed()
    {
        var pdf = PdfDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Seed()));
        var dir = Path.Combine(AppContext.BaseDirectory, "doc-artifacts");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "seed.pdf"), pdf);
        using var doc = PdfDocument.Open(pdf);
        Assert.True(doc.NumberOfPages > 1);
    }
}
