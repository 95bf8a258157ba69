using ApprovalFlow.Documents.Layout;
using PdfSharp.Pdf;

namespace ApprovalFlow.Documents.Pdf;

/// <summary>Renders an <see cref="OfficialDocument"/> as PDF with PDFsharp, fonts embedded as subsets.</summary>
public static class PdfDocumentWriter
{
    /// <summary>The PDF file's bytes.</summary>
    public static byte[] Write(OfficialDocument document)
    {
        DocumentFonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = DocumentText.Clean(document.Title);
        pdf.Info.Creator = "ApprovalFlow";
        pdf.Language = "vi-VN";
        using (var fonts = new PdfFonts())
        {
            var flow = new PageFlow(pdf, fonts);
            flow.Header(document.Head);
            flow.Blocks(document.Body);

            flow.Signature(document.Signature);
            foreach (var annex in document.Annexes)
            {
                flow.StartAnnex();
                flow.Blocks([.. annex.Heading, .. annex.Content]);
            }

            flow.Finish();
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
