using System.Text.Json.Nodes;
using ApprovalFlow.Audit;
using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Organization;
using ApprovalFlow.Proposals;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Requests;

/// <summary>
/// Sends a request to its target agencies: a draft proposal for each, and the request's workflow
/// (<see cref="WorkflowId"/>), which starts one proposal workflow per agency. All of it commits as one.
/// </summary>
public sealed class RequestPublisher(ApprovalFlowDbContext db, WorkflowRuntime runtime, IBusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>The workflow a published request runs.</summary>
    public const string WorkflowId = "budget-request";

    /// <summary>Vietnam keeps one offset all year: a deadline day ends at midnight +07:00.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Publishes a draft request; returns null, or why it was refused (in the user's language).</summary>
    public async Task<string?> PublishAsync(Guid requestId, Actor? actor, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleAsync(r => r.Id == requestId, cancellationToken);
        if (request.Status != RequestStatus.Draft)
        {
            return ValidationMessages.Get("RequestAlreadyPublished");
        }

        if (request.TargetAgencyIds.Count == 0)
        {
            return ValidationMessages.Get("RequestHasNoTargets");
        }

        var now = clock.GetUtcNow();
        var proposals = await db.Proposals.Where(p => p.RequestId == requestId).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.Include(a => a.Profiles).ToDictionaryAsync(a => a.Id, cancellationToken);
        var issuer = ProfileOn(agencies[request.IssuerAgencyId], request.Date);
        foreach (var agencyId in request.TargetAgencyIds.Where(id => proposals.All(p => p.AgencyId != id)))
        {
            var proposal = NewProposal.For(request, ProfileOn(agencies[agencyId], request.Date), issuer, await HeadNameAsync(agencyId, cancellationToken), now);
            db.Proposals.Add(proposal);
            db.ProposalRevisions.Add(ProposalDrafts.Snapshot(proposal));
            proposals.Add(proposal);
        }

        request.Status = RequestStatus.Published;
        db.Audit(AuditActions.RequestPublished, "request", request.Id, now, actor, actor is null ? null : "inbox", new { request.Number, Agencies = proposals.Count });

        // The workflow's start commits the request, its proposals and its first steps in one transaction.
        var input = new JsonObject
        {
            ["proposals"] = new JsonArray([.. proposals.Select(p => JsonValue.Create(p.Id.ToString()))]),
            ["deadline"] = DeadlineMoment(request.Deadline).ToString("O"),

            // The drafts fall due on the deadline day at the usual hour (the next working day's if it is a day off).
            ["draftDueAt"] = calendar.DueAt(calendar.At(request.Deadline, 0), 0).ToUniversalTime().ToString("O"),
        };
        await runtime.StartAsync(WorkflowId, request.Id.ToString(), input, cancellationToken);
        return null;
    }

    /// <summary>The moment a deadline day is over in Vietnam.</summary>
    public static DateTimeOffset DeadlineMoment(DateOnly deadline) => new(deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamOffset);

    private static AgencyProfile ProfileOn(Agency agency, DateOnly date) =>
        agency.ProfileOn(date) ?? throw new InvalidOperationException($"Agency {agency.Code} has no profile on {date}.");

    private async Task<string> HeadNameAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await (from user in db.Users
               where user.AgencyId == agencyId
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where role.Name == Roles.AgencyHead
               select user.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";
}
