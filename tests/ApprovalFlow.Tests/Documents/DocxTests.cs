using ApprovalFlow.Documents.Docx;
using ApprovalFlow.Documents.Letters;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ApprovalFlow.Tests.Documents;

/// <summary>The editable DOCX: valid Open XML, and LibreOffice opens it and finds the same text as the PDF.</summary>
public sealed class DocxTests
{
    [Fact]
    public void The_seed_docx_is_valid_and_its_tables_repeat_their_header_rows()
    {
        var docx = DocxDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Seed()));

        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Description}");
        Assert.True(!errors.Any(), string.Join("\n", errors));
        var body = package.MainDocumentPart!.Document!.Body!;
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var tables = body.Elements<Table>().Where(t => t.Descendants<TableHeader>().Any()).ToList();
        Assert.Equal(2, tables.Count);
    }

    [Fact]
    public void LibreOffice_converts_the_docx_and_finds_the_seed_text_in_order()
    {
        var docx = DocxDocumentWriter.Write(ProposalLetter.Build(DocumentSamples.Seed()));
        File.WriteAllBytes(Path.Combine(PdfReading.ArtifactFolder(), "seed-proposal.docx"), docx);

        var converted = PdfReading.ConvertWithLibreOffice(docx, ".docx");

        File.WriteAllBytes(Path.Combine(PdfReading.ArtifactFolder(), "seed-proposal-libreoffice.pdf"), converted);
        PdfReading.AssertInOrder(PdfReading.Text(converted), ProposalPdfTests.SeedText
            .Where(f => !f.StartsWith("Số:", StringComparison.Ordinal))
            .Select(f => f.Replace(" NS tỉnh", " NS", StringComparison.Ordinal)));
    }
}
