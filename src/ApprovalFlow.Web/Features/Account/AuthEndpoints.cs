using ApprovalFlow.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>
/// <c>POST /api/auth/login</c>: a bearer token for scripts. Only sign-in is exposed: accounts are created by
/// administrators, never by self-registration.
/// </summary>
public static class AuthEndpoints
{
    /// <summary>The credentials a script sends.</summary>
    public sealed record LoginRequest(string Email, string Password);

    /// <summary>The refresh token of an earlier sign-in.</summary>
    public sealed record RefreshRequest(string RefreshToken);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/login", LoginAsync)
            .WithTags("Auth")
            .WithSummary("Exchange an e-mail and password for a bearer token ({\"accessToken\", \"expiresIn\", \"refreshToken\"}).")
            .AllowAnonymous()
            .DisableAntiforgery();
        routes.MapPost("/api/auth/refresh", RefreshAsync)
            .WithTags("Auth")
            .WithSummary("Exchange a refresh token for a new bearer token, while the account is unchanged and not locked.")
            .AllowAnonymous()
            .DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> LoginAsync(LoginRequest login, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text)
    {
        // The bearer scheme writes the token response itself when the sign-in succeeds.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(login.Email ?? "", login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.Empty;
        }

        return Results.Problem(
            title: result.IsLockedOut ? text["Login.LockedOut"] : text["Login.Failed"],
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> RefreshAsync(
        RefreshRequest refresh, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refresh.RefreshToken);

        // The security stamp changes with the password, roles or lockout: such a change ends every refresh.
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Results.Challenge(authenticationSchemes: [IdentityConstants.BearerScheme]);
        }

        return Results.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }
}
