using ApprovalFlow.Data;
using ApprovalFlow.Decisions;
using ApprovalFlow.Documents.Layout;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Documents.Records;

/// <summary>
/// Gathers what each document prints from the database and lays it out. Callers check access first: this reads
/// whatever it is asked for.
/// </summary>
public sealed class DocumentSources(ApprovalFlowDbContext db, AgencyDirectory directory, TimeProvider clock)
{
    private static readonly ProposalStatus[] Consolidated =
        [ProposalStatus.Accepted, ProposalStatus.AwaitingDecision, ProposalStatus.Approved, ProposalStatus.PartlyApproved, ProposalStatus.Rejected];

    private static readonly ProposalStatus[] BeforeTheUbnd =
        [ProposalStatus.AwaitingDecision, ProposalStatus.Approved, ProposalStatus.PartlyApproved, ProposalStatus.Rejected];

    /// <summary>The proposal letter, dated <paramref name="signedOn"/> when the agency typed no date.</summary>
    public async Task<OfficialDocument> ProposalAsync(Proposal proposal, DateOnly? signedOn, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == proposal.RequestId, cancellationToken);
        var agencies = await directory.LoadAsync(cancellationToken);
        var date = proposal.Content.Date ?? signedOn;
        var profile = agencies.ProfileOn(proposal.AgencyId, date ?? request.Date) ?? agencies.ProfileOn(proposal.AgencyId, request.Date)
            ?? throw new InvalidOperationException($"Agency {proposal.AgencyId} has no profile for proposal {proposal.Id}.");
        var sources = await db.FundingSources.AsNoTracking().ToListAsync(cancellationToken);
        return ProposalLetter.Build(new ProposalLetterData(proposal.Content, request, profile, sources, date, Today.Year));
    }

    /// <summary>The tờ trình of a request: its accepted proposals, and the agencies left out. Null when the request does not exist.</summary>
    public async Task<OfficialDocument?> SubmissionAsync(Guid requestId, DateOnly? signedOn, string signerName, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requestId, Consolidated, signedOn, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var included = loaded.Proposals.Select(p => p.AgencyId).ToHashSet();
        var notIncluded = loaded.Request.TargetAgencyIds.Where(id => !included.Contains(id))
            .Select(id => loaded.Agencies.ProfileOn(id, loaded.Request.Date)?.Name ?? id.ToString())
            .Order(VietnameseOrder.Comparer).ToList();
        return ConsolidatedSubmission.Build(new SubmissionData(
            loaded.Request, loaded.Issuer, loaded.Province, Tasks(loaded), notIncluded, signedOn, Today.Year, signerName));
    }

    /// <summary>The UBND decision of a request, from the verdicts recorded on its proposals. Null when the request does not exist.</summary>
    public async Task<OfficialDocument?> DecisionAsync(Guid requestId, DateOnly? signedOn, string signerName, CancellationToken cancellationToken) =>
        await LoadAsync(requestId, BeforeTheUbnd, signedOn, cancellationToken) is { } loaded
            ? DecisionDocument.Build(new DecisionData(loaded.Request, loaded.Issuer, loaded.Province, Tasks(loaded), signedOn, Today.Year, signerName))
            : null;

    /// <summary>Who completed the request's last step of <paramref name="form"/> (the signer of what it produced), or blank.</summary>
    public async Task<string> CompletedByAsync(Guid requestId, string form, CancellationToken cancellationToken)
    {
        // The step that signs is usually completed in this very transaction: look at the unsaved items first.
        var key = requestId.ToString();
        var unsaved = db.ChangeTracker.Entries<WorkItem>().Select(e => e.Entity)
            .Where(i => i.CorrelationId == key && i.Form == form && i.Status == WorkItemStatus.Completed)
            .OrderByDescending(i => i.CompletedAt)
            .FirstOrDefault();
        if (unsaved?.CompletedByName is { } name)
        {
            return name;
        }

        // Ordered here: SQLite cannot order by a DateTimeOffset; a request has a handful of such items.
        var saved = await db.WorkItems.AsNoTracking()
            .Where(i => i.CorrelationId == key && i.Form == form && i.Status == WorkItemStatus.Completed)
            .Select(i => new { i.CompletedAt, i.CompletedByName })
            .ToListAsync(cancellationToken);
        return saved.OrderByDescending(i => i.CompletedAt).FirstOrDefault()?.CompletedByName ?? "";
    }

    /// <summary>Today in Vietnam, the date a document signed now carries.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VietnamZone).DateTime);

    private static readonly TimeZoneInfo VietnamZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static List<AgencyTasks> Tasks(Loaded loaded) =>
        [.. loaded.Proposals
            .Select(p => new AgencyTasks(
                loaded.Agencies.ProfileOn(p.AgencyId, loaded.Request.Date)?.Name ?? p.AgencyId.ToString(),
                p.Content.Tasks,
                [.. p.Content.Tasks.Select((_, i) => Assessments.Recommended(p, i))],
                p.Decisions))
            .OrderBy(a => a.AgencyName, VietnameseOrder.Comparer)];

    private async Task<Loaded?> LoadAsync(Guid requestId, ProposalStatus[] statuses, DateOnly? date, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        // Tracked entities first: a workflow step may have changed them in the transaction that freezes the document.
        var proposals = (await db.Proposals.Where(p => p.RequestId == requestId).ToListAsync(cancellationToken))
            .Where(p => statuses.Contains(p.Status)).ToList();
        var agencies = await directory.LoadAsync(cancellationToken);
        var on = date ?? request.Date;
        var issuer = agencies.ProfileOn(request.IssuerAgencyId, on) ?? agencies.ProfileOn(request.IssuerAgencyId, request.Date)
            ?? throw new InvalidOperationException($"Request {request.Id} names an unknown issuer.");
        var parentId = agencies.Find(request.IssuerAgencyId)?.ParentId
            ?? throw new InvalidOperationException($"The issuer of request {request.Id} answers to no province.");
        var province = agencies.ProfileOn(parentId, on) ?? agencies.ProfileOn(parentId, request.Date)
            ?? throw new InvalidOperationException($"The province of request {request.Id} has no profile.");
        return new Loaded(request, proposals, agencies, issuer, province);
    }

    private sealed record Loaded(Requests.BudgetRequest Request, List<Proposal> Proposals, AgencyLookup Agencies, AgencyProfile Issuer, AgencyProfile Province);
}
