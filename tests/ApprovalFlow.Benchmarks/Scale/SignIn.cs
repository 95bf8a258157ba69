using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Benchmarks.Scale;

/// <summary>Signs the measured user in the two ways clients do: the login form (a cookie) and the API (a bearer token).</summary>
public static partial class SignIn
{
    /// <summary>The <c>Cookie</c> header a browser sends after signing in on <c>/Account/Login</c>.</summary>
    public static async Task<string> CookieAsync(Uri app, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app };
        var form = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryField().Match(form) is { Success: true } m ? m.Groups["token"].Value : throw new InvalidOperationException("The login form has no antiforgery token.");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
        }

        return cookies.GetCookieHeader(app);
    }

    /// <summary>A bearer token from <c>POST /api/auth/login</c>.</summary>
    public static async Task<string> BearerAsync(Uri app, string email, string password)
    {
        using var client = new HttpClient { BaseAddress = app };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
