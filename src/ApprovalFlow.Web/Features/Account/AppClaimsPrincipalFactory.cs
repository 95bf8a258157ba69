using System.Security.Claims;
using ApprovalFlow.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>Adds the user's agency and full name to the sign-in, so that every request can be scoped without a lookup.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ActorClaims.Agency, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(ActorClaims.FullName, user.FullName));
        return identity;
    }
}
