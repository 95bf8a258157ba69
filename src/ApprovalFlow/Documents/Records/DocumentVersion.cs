using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Documents.Records;

/// <summary>The three documents that leave the system.</summary>
public enum DocumentKind
{
    /// <summary>An agency's proposal letter (công văn); its subject is the proposal.</summary>
    Proposal = 0,

    /// <summary>The ICT department's consolidated submission (tờ trình); its subject is the request.</summary>
    Submission = 1,

    /// <summary>The UBND decision (quyết định); its subject is the request.</summary>
    Decision = 2,
}

/// <summary>
/// A document as signed: rendered once at sign-off and never changed again, so that what the signer approved is what
/// every later step and reader downloads. Its hashes are written to the audit chain in the same transaction.
/// </summary>
public sealed class DocumentVersion
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DocumentKind Kind { get; init; }

    /// <summary>The proposal (for a proposal letter) or the request (for the submission and the decision).</summary>
    public Guid SubjectId { get; init; }

    /// <summary>1 for the first signed version; a proposal returned and signed again gets the next.</summary>
    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who signed, as the document prints it.</summary>
    public string? SignedByName { get; init; }

    public required byte[] Pdf { get; init; }

    public required byte[] Docx { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Pdf"/>.</summary>
    public required string PdfSha256 { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Docx"/>.</summary>
    public required string DocxSha256 { get; init; }
}

/// <summary>Table mapping: one row per version, unique per subject and number.</summary>
public sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("DocumentVersions");
        builder.HasIndex(v => new { v.Kind, v.SubjectId, v.Version }).IsUnique();
        builder.Property(v => v.SignedByName).HasMaxLength(200);
        builder.Property(v => v.PdfSha256).HasMaxLength(64);
        builder.Property(v => v.DocxSha256).HasMaxLength(64);
    }
}
