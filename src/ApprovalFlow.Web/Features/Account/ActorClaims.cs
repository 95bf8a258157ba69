using System.Security.Claims;
using ApprovalFlow.Identity;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>Turns the signed-in principal (cookie or bearer token) into the domain's <see cref="Actor"/>.</summary>
public static class ActorClaims
{
    public const string Agency = "approvalflow:agency";
    public const string FullName = "approvalflow:full_name";

    /// <summary>The actor, or null for an anonymous principal or one issued without an agency.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(Agency), out var agencyId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var name = principal.FindFirstValue(FullName) ?? principal.Identity.Name ?? userId.ToString();
        return new Actor(userId, name, agencyId, roles);
    }

    /// <summary>The actor of an endpoint that requires authentication; its absence is a configuration error.</summary>
    public static Actor RequireActor(this ClaimsPrincipal principal) =>
        principal.ToActor() ?? throw new InvalidOperationException("This endpoint must require an authenticated user with an agency.");
}
