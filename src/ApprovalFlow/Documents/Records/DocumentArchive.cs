using System.Security.Cryptography;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Documents.Docx;
using ApprovalFlow.Documents.Layout;
using ApprovalFlow.Documents.Pdf;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Documents.Records;

/// <summary>A document file ready to send: its bytes, media type and a file name.</summary>
public sealed record DocumentFile(byte[] Content, string ContentType, string FileName, int? Version);

/// <summary>The two formats a document is offered in.</summary>
public enum FileFormat
{
    Pdf,
    Docx,
}

/// <summary>
/// Stores signed documents: renders both formats at sign-off, keeps them unchanged, and writes their SHA-256 to the
/// audit chain in the caller's unit of work, so that the version exists exactly when the sign-off committed.
/// </summary>
public sealed class DocumentArchive(ApprovalFlowDbContext db)
{
    /// <summary>Renders <paramref name="document"/> and records it as the next version of its subject.</summary>
    public async Task<DocumentVersion> FreezeAsync(DocumentKind kind, Guid subjectId, OfficialDocument document, string? signedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pdf = PdfDocumentWriter.Write(document);
        var docx = DocxDocumentWriter.Write(document);
        var stored = await db.Set<DocumentVersion>().Where(v => v.Kind == kind && v.SubjectId == subjectId).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var pending = db.ChangeTracker.Entries<DocumentVersion>().Where(e => e.State == EntityState.Added && e.Entity.Kind == kind && e.Entity.SubjectId == subjectId)
            .Select(e => e.Entity.Version).DefaultIfEmpty(0).Max();
        var version = new DocumentVersion
        {
            Kind = kind,
            SubjectId = subjectId,
            Version = Math.Max(stored, pending) + 1,
            CreatedAt = now,
            SignedByName = signedBy,
            Pdf = pdf,
            Docx = docx,
            PdfSha256 = Sha256(pdf),
            DocxSha256 = Sha256(docx),
        };
        db.Set<DocumentVersion>().Add(version);
        db.Audit(AuditActions.DocumentFrozen, EntityType(kind), subjectId, now, details: new { Kind = kind.ToString(), version.Version, version.PdfSha256, version.DocxSha256, SignedBy = signedBy });
        return version;
    }

    /// <summary>The latest signed version of a subject's document, or null while none was signed.</summary>
    public Task<DocumentVersion?> LatestAsync(DocumentKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        db.Set<DocumentVersion>().AsNoTracking()
            .Where(v => v.Kind == kind && v.SubjectId == subjectId)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A given signed version, or null.</summary>
    public Task<DocumentVersion?> FindAsync(DocumentKind kind, Guid subjectId, int version, CancellationToken cancellationToken) =>
        db.Set<DocumentVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.Kind == kind && v.SubjectId == subjectId && v.Version == version, cancellationToken);

    /// <summary>The file of a stored version.</summary>
    public static DocumentFile FileOf(DocumentVersion version, FileFormat format, string baseName) =>
        File(format == FileFormat.Pdf ? version.Pdf : version.Docx, format, $"{baseName}-v{version.Version}", version.Version);

    /// <summary>A document rendered now, not stored: what a draft looks like at this moment.</summary>
    public static DocumentFile Render(OfficialDocument document, FileFormat format, string baseName) =>
        File(format == FileFormat.Pdf ? PdfDocumentWriter.Write(document) : DocxDocumentWriter.Write(document), format, baseName + "-du-thao", null);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static DocumentFile File(byte[] content, FileFormat format, string name, int? version) => format == FileFormat.Pdf
        ? new(content, "application/pdf", name + ".pdf", version)
        : new(content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx", version);

    private static string EntityType(DocumentKind kind) => kind == DocumentKind.Proposal ? "proposal" : "request";
}
