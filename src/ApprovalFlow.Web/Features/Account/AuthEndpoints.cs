using ApprovalFlow.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>
/// <c>POST /api/auth/login</c>: a bearer token for scripts. Only sign-in is exposed: accounts are created by
/// administrators, never by self-registration.
/// </summary>
public static class AuthEndpoints
{
    /// <summary>The credentials a script sends.</summary>
    public sealed record LoginRequest(string Email, string Password);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/login", LoginAsync)
            .WithTags("Auth")
            .WithSummary("Exchange an e-mail and password for a bearer token ({\"accessToken\", \"expiresIn\", \"refreshToken\"}).")
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
}
