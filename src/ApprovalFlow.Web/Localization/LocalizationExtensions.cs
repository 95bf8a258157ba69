using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace ApprovalFlow.Web.Localization;

/// <summary>Vietnamese by default whatever the browser asks for; English when the user switches (a cookie) or asks (<c>?culture=en</c>).</summary>
public static class LocalizationExtensions
{
    public static readonly CultureInfo[] Supported = [new("vi-VN"), new("en-US")];

    public static IServiceCollection AddApprovalFlowLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Vietnamese letters go out as letters, not as numeric entities ("Nhận", not "Nh&#x1EAD;n"): pages are
        // smaller and readable in their source. Markup characters (< > & " ') are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Supported[0]);
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary><c>POST /culture</c> from the language switch in the navigation bar: remembers the choice and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/culture", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = Supported.FirstOrDefault(c => c.TwoLetterISOLanguageName == culture) ?? Supported[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The rule <c>LocalRedirect</c> enforces: a path on this site, never "//host" or "/\host".</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
