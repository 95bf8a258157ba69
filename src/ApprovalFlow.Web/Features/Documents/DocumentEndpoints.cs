using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Records;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>
/// Downloads of the official documents, as PDF or DOCX: the proposal letter (who may see the proposal may download
/// it), and the tờ trình and the decision of a request (who may see its consolidation). Signed versions are served as
/// stored; a document not signed yet is rendered on demand. The API (bearer) and the pages (cookie) share the handlers.
/// </summary>
public static class DocumentEndpoints
{
    public static IServiceCollection AddDocumentFeature(this IServiceCollection services) =>
        services.AddScoped<DocumentDownloads>().AddScoped<DocumentLinks>();

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Documents").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        Map(api, "/proposals/{id:guid}/document.{format}", "/requests/{id:guid}/submission.{format}", "/requests/{id:guid}/decision.{format}");

        // The same files for the signed-in pages (links on the proposal and step pages, and in e-mails).
        var pages = routes.MapGroup(DocumentLinks.PagePrefix).RequireAuthorization().ExcludeFromDescription();
        Map(pages, "/proposals/{id:guid}.{format}", "/requests/{id:guid}/submission.{format}", "/requests/{id:guid}/decision.{format}");
        return routes;
    }

    private static void Map(RouteGroupBuilder group, string proposal, string submission, string decision)
    {
        group.MapGet(proposal, ProposalAsync)
            .WithSummary("The proposal letter (công văn) as pdf or docx: the signed version (latest, or ?version=n), or the draft rendered now.");
        group.MapGet(submission, (Guid id, string format, int? version, HttpContext http, DocumentDownloads downloads, CancellationToken cancellationToken) =>
                RequestDocumentAsync(DocumentKind.Submission, id, format, version, http, downloads, cancellationToken))
            .WithSummary("The ICT department's consolidated submission (tờ trình) of a request, as pdf or docx.");
        group.MapGet(decision, (Guid id, string format, int? version, HttpContext http, DocumentDownloads downloads, CancellationToken cancellationToken) =>
                RequestDocumentAsync(DocumentKind.Decision, id, format, version, http, downloads, cancellationToken))
            .WithSummary("The UBND decision of a request with its annex, as pdf or docx.");
    }

    private static async Task<IResult> ProposalAsync(Guid id, string format, int? version, HttpContext http, DocumentDownloads downloads, CancellationToken cancellationToken) =>
        Parse(format) is { } parsed && await downloads.ProposalAsync(id, parsed, version, http.User.RequireActor(), cancellationToken) is { } file
            ? Send(file)
            : Results.NotFound();

    private static async Task<IResult> RequestDocumentAsync(DocumentKind kind, Guid id, string format, int? version, HttpContext http, DocumentDownloads downloads, CancellationToken cancellationToken) =>
        Parse(format) is { } parsed && await downloads.RequestDocumentAsync(kind, id, parsed, version, http.User.RequireActor(), cancellationToken) is { } file
            ? Send(file)
            : Results.NotFound();

    private static IResult Send(DocumentFile file) => Results.File(file.Content, file.ContentType, file.FileName);

    private static FileFormat? Parse(string format) => format switch
    {
        "pdf" => FileFormat.Pdf,
        "docx" => FileFormat.Docx,
        _ => null,
    };
}

/// <summary>Finds or renders the file a caller asked for, after the same access checks as the proposal or the consolidation.</summary>
public sealed class DocumentDownloads(ProposalDrafts drafts, Consolidation consolidation, DocumentSources sources, DocumentArchive archive)
{
    /// <summary>The proposal's letter, or null when the caller may not see the proposal or the version does not exist.</summary>
    public async Task<DocumentFile?> ProposalAsync(Guid id, FileFormat format, int? version, Actor actor, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(id, actor, cancellationToken) is not { } proposal)
        {
            return null;
        }

        var name = "cong-van-de-xuat-" + id.ToString("N")[..8];
        if (version is { } wanted)
        {
            return await archive.FindAsync(DocumentKind.Proposal, id, wanted, cancellationToken) is { } stored ? DocumentArchive.FileOf(stored, format, name) : null;
        }

        // A proposal being written (or rewritten after a return) is shown as it stands; once signed, as signed.
        if (!proposal.IsEditable && proposal.Status != ProposalStatus.AwaitingSignOff && await archive.LatestAsync(DocumentKind.Proposal, id, cancellationToken) is { } signed)
        {
            return DocumentArchive.FileOf(signed, format, name);
        }

        return DocumentArchive.Render(await sources.ProposalAsync(proposal, null, cancellationToken), format, name);
    }

    /// <summary>The request's tờ trình or decision, or null when the caller may not see the request's consolidation.</summary>
    public async Task<DocumentFile?> RequestDocumentAsync(DocumentKind kind, Guid id, FileFormat format, int? version, Actor actor, CancellationToken cancellationToken)
    {
        if (await consolidation.ForRequestAsync(id, actor, cancellationToken) is null)
        {
            return null;
        }

        var name = (kind == DocumentKind.Submission ? "to-trinh-" : "quyet-dinh-") + id.ToString("N")[..8];
        var stored = version is { } wanted
            ? await archive.FindAsync(kind, id, wanted, cancellationToken)
            : await archive.LatestAsync(kind, id, cancellationToken);
        if (stored is not null)
        {
            return DocumentArchive.FileOf(stored, format, name);
        }

        if (version is not null)
        {
            return null;
        }

        var document = kind == DocumentKind.Submission
            ? await sources.SubmissionAsync(id, null, "", cancellationToken)
            : await sources.DecisionAsync(id, null, "", cancellationToken);
        return document is null ? null : DocumentArchive.Render(document, format, name);
    }
}
