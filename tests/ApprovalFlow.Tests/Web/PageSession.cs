using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ApprovalFlow.Tests.Web;

/// <summary>A person's view of the pages: a cookie sign-in, forms posted with their antiforgery token as a browser would.</summary>
public sealed class PageSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static async Task<PageSession> LoginAsync(AppFactory app, string email, string password = AppFactory.Password)
    {
        var session = Anonymous(app);
        var login = await session.GetAsync("/Account/Login");
        using var response = await session.SubmitAsync("/Account/Login", login.Forms[^1], overrides: new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public static PageSession Anonymous(AppFactory app) =>
        new(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<IHtmlDocument> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Posts <paramref name="form"/> of the page at <paramref name="pageUrl"/> as a browser would, pressing the button
    /// whose value is <paramref name="op"/>.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(string pageUrl, IHtmlFormElement form, string? op = null, Dictionary<string, string>? overrides = null)
    {
        var fields = form.Elements
            .Where(e => e is IHtmlInputElement or IHtmlTextAreaElement or IHtmlSelectElement)
            .Select(e => (Name: e.GetAttribute("name"), Value: e switch
            {
                IHtmlInputElement input when input.Type is "checkbox" => input.IsChecked ? "true" : null,
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value,
                _ => null,
            }))
            .Where(f => f.Name is not null && f.Value is not null)
            .GroupBy(f => f.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value!);
        foreach (var (name, value) in overrides ?? [])
        {
            fields[name] = value;
        }

        if (op is not null)
        {
            fields["op"] = op;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
