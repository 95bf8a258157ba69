using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Hosting;

/// <summary>ASP.NET Core Identity on EF Core: a cookie for the pages, bearer tokens for the API.</summary>
public static class IdentityServiceExtensions
{
    /// <summary>The policy of every <c>/api</c> endpoint: bearer tokens only, so that a browser's cookie cannot be replayed cross-site.</summary>
    public const string ApiPolicy = "Api";

    public static IServiceCollection AddApprovalFlowIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<ApprovalFlowDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme);

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/Denied";
            options.Cookie.Name = "ApprovalFlow.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ActorClaims.Agency));
        return services;
    }
}
