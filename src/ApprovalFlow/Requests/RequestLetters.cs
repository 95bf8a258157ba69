using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Requests;

/// <summary>What the ICT reviewer fills in to write a request letter.</summary>
public sealed record RequestDraft(
    string Number, DateOnly Date, string Subject, YearRange PlanPeriod, int PlanYear, YearRange PastYears, DateOnly Deadline,
    IReadOnlyList<Guid> TargetAgencyIds);

/// <summary>Writes request letters (công văn đề nghị) as drafts of the reviewer's own agency, to be published later.</summary>
public sealed class RequestLetters(ApprovalFlowDbContext db, TimeProvider clock)
{
    /// <summary>Creates a draft request; or returns the problems, field by field, and stores nothing.</summary>
    public async Task<(BudgetRequest? Request, IReadOnlyList<ValidationIssue> Issues)> CreateAsync(RequestDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        void Check(bool ok, string field, string key, params object[] args)
        {
            if (!ok)
            {
                issues.Add(new ValidationIssue(field, ValidationMessages.Get(key, args)));
            }
        }

        Check(!string.IsNullOrWhiteSpace(draft.Number), "number", "RequestNumberRequired");
        Check(!string.IsNullOrWhiteSpace(draft.Subject), "subject", "RequestSubjectRequired");
        Check(draft.PlanPeriod.IsValid, "planPeriod", "RequestPeriodInvalid");
        Check(draft.PlanPeriod.Contains(draft.PlanYear), "planYear", "RequestPlanYearOutsidePeriod", draft.PlanPeriod.ToString());
        Check(draft.PastYears.IsValid && draft.PastYears.To < draft.PlanPeriod.From, "pastYears", "RequestPastYearsInvalid");
        Check(draft.Deadline >= draft.Date, "deadline", "RequestDeadlineBeforeDate");
        var known = await db.Agencies.Where(a => draft.TargetAgencyIds.Contains(a.Id) && a.Id != actor.AgencyId).CountAsync(cancellationToken);
        Check(draft.TargetAgencyIds.Count > 0 && known == draft.TargetAgencyIds.Distinct().Count(), "targetAgencyIds", "RequestHasNoTargets");
        if (issues.Count > 0)
        {
            return (null, issues);
        }

        var request = new BudgetRequest
        {
            IssuerAgencyId = actor.AgencyId,
            Number = draft.Number.Trim(),
            Date = draft.Date,
            Subject = draft.Subject.Trim(),
            PlanPeriod = draft.PlanPeriod,
            PlanYear = draft.PlanYear,
            PastYears = draft.PastYears,
            Deadline = draft.Deadline,
            Status = RequestStatus.Draft,
            TargetAgencyIds = [.. draft.TargetAgencyIds.Distinct()],
        };
        db.Requests.Add(request);
        db.Audit(AuditActions.RequestCreated, "request", request.Id, clock.GetUtcNow(), actor, details: new { request.Number });
        await db.SaveChangesAsync(cancellationToken);
        return (request, []);
    }
}
