using ApprovalFlow.Decisions;
using ApprovalFlow.Proposals;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Inbox;
using ApprovalFlow.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Work;

/// <summary>The body of <c>POST /api/work-items/{id}/review</c>: the outcome, a comment, and per-task recommended amounts.</summary>
public sealed record ReviewBody(string Outcome, string? Comment, IReadOnlyList<TaskRecommendation>? Tasks);

/// <summary>The body of <c>POST /api/work-items/{id}/decision</c>: the UBND's verdicts on every task before it.</summary>
public sealed record DecisionBody(string? Comment, IReadOnlyList<ProposalVerdicts> Proposals);

/// <summary>The step-specific completions: the review with its figures and the UBND decision with its verdicts.</summary>
public static class WorkEndpoints
{
    public static IEndpointRouteBuilder MapWorkEndpoints(this IEndpointRouteBuilder routes)
    {
        var items = routes.MapGroup("/api/work-items/{id:guid}").WithTags("Inbox").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        items.MapPost("/review", (Guid id, ReviewBody body, HttpContext http, Assessments assessments, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
                WorkItemResults.RespondAsync(assessments.ReviewAsync(id, body.Outcome, body.Comment, body.Tasks ?? [], http.User.RequireActor(), "api", cancellationToken), http, text))
            .WithSummary("Complete an ICT review: Accept with recommended amounts per task (as proposed where omitted), or Return with a comment.");
        items.MapPost("/decision", (Guid id, DecisionBody body, HttpContext http, Assessments assessments, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
                WorkItemResults.RespondAsync(assessments.DecideAsync(id, body.Proposals ?? [], body.Comment, http.User.RequireActor(), "api", cancellationToken), http, text))
            .WithSummary("Issue the UBND decision: a verdict for every task of every proposal before the UBND (a reason for adjusted or rejected ones).");
        return routes;
    }
}
