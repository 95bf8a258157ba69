using System.Net;

namespace ApprovalFlow.Tests.Web;

public sealed class LocalizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Pages_are_Vietnamese_by_default_even_for_an_English_browser()
    {
        var session = PageSession.Anonymous(app);
        session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var login = await session.GetAsync("/Account/Login");
        Assert.Equal("Đăng nhập", login.QuerySelector("h1")!.TextContent);
        Assert.Equal("vi", login.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Vietnamese_letters_go_out_as_letters_and_markup_stays_encoded()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/Account/Login?returnUrl=%2F%3Cscript%3Eđ");

        Assert.Contains(">Đăng nhập<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x1EA", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>đ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_turns_the_pages_English_and_back()
    {
        var session = await PageSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var home = await session.GetAsync("/");
        var toggle = home.Forms.Single(f => f.GetAttribute("action") == "/culture");

        using var switched = await session.SubmitAsync("/", toggle, overrides: new() { ["culture"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var english = await session.GetAsync("/");
        Assert.Equal("Home", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("Draft", english.QuerySelector("[data-testid=proposals]")!.TextContent, StringComparison.Ordinal);

        using var back = await session.SubmitAsync("/", english.Forms.Single(f => f.GetAttribute("action") == "/culture"), overrides: new() { ["culture"] = "vi" });
        Assert.Equal("Trang chính", (await session.GetAsync("/")).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_language_switch_never_sends_anyone_off_site(string returnUrl)
    {
        var session = await PageSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var toggle = (await session.GetAsync("/")).Forms.Single(f => f.GetAttribute("action") == "/culture");

        using var response = await session.SubmitAsync("/", toggle, overrides: new() { ["culture"] = "en", ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_failure_page_apologises_in_Vietnamese_with_a_reference_and_no_stack_trace()
    {
        var page = await PageSession.Anonymous(app).GetAsync("/status/500");
        Assert.StartsWith("Hệ thống không xử lý được yêu cầu này.", page.QuerySelector("[data-testid=status-text]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelector("code")!.TextContent);
        Assert.DoesNotContain("Exception", page.DocumentElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_has_an_English_translation()
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src");
        foreach (var neutral in Directory.EnumerateFiles(resources, "*.resx", SearchOption.AllDirectories).Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)))
        {
            var english = Path.ChangeExtension(neutral, ".en.resx");
            Assert.True(File.Exists(english), english);
            Assert.Equal(Keys(neutral), Keys(english));
        }

        static string[] Keys(string file) =>
            [.. System.Xml.Linq.XDocument.Load(file).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).Order(StringComparer.Ordinal)];
    }
}
