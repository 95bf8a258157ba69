using ApprovalFlow.Web.Hosting;
using ApprovalFlow.WorkItems;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>The body of <c>PUT /api/me/away</c>: the last day away (null: back at work) and who stands in.</summary>
public sealed record AwayBody(DateOnly? AwayUntil, Guid? SubstituteUserId);

/// <summary>A person's away setting, with the colleagues who may stand in for them.</summary>
public sealed record AwayDto(DateOnly? AwayUntil, UserRef? Substitute, bool IsAway, IReadOnlyList<UserRef> Candidates);

/// <summary><c>/api/me/away</c>: out of office and the substitute who acts on one's behalf meanwhile.</summary>
public static class AwayEndpoints
{
    public static IEndpointRouteBuilder MapAwayEndpoints(this IEndpointRouteBuilder routes)
    {
        var away = routes.MapGroup("/api/me/away").WithTags("Account").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        away.MapGet("", (HttpContext http, OutOfOffice outOfOffice, CancellationToken cancellationToken) => DtoAsync(http, outOfOffice, cancellationToken))
            .WithSummary("My away setting and who may stand in for me.");
        away.MapPut("", async (AwayBody body, HttpContext http, OutOfOffice outOfOffice, CancellationToken cancellationToken) =>
                await outOfOffice.SetAsync(http.User.RequireActor(), body.AwayUntil, body.SubstituteUserId, cancellationToken) is { } refusal
                    ? Results.Problem(title: refusal, statusCode: StatusCodes.Status400BadRequest)
                    : Results.Ok(await DtoAsync(http, outOfOffice, cancellationToken)))
            .WithSummary("Away until a day (inclusive), with a colleague of my agency sharing a role standing in; awayUntil null: back at work.");
        return routes;
    }

    private static async Task<AwayDto> DtoAsync(HttpContext http, OutOfOffice outOfOffice, CancellationToken cancellationToken)
    {
        var actor = http.User.RequireActor();
        var status = await outOfOffice.GetAsync(actor, cancellationToken);
        return new AwayDto(status.AwayUntil, status.Substitute, status.IsAway, await outOfOffice.CandidatesAsync(actor, cancellationToken));
    }
}
