using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Identity;
using ApprovalFlow.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Web;

public sealed class IdentityTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_role_has_a_demo_account_tied_to_an_agency()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var role in Roles.All)
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        }

        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, account.Role), account.Email);
            Assert.NotEqual(Guid.Empty, user.AgencyId);
        }
    }

    [Fact]
    public async Task A_script_gets_a_bearer_token_for_good_credentials_and_401_otherwise()
    {
        using var client = app.CreateClient();
        using var good = await client.PostAsJsonAsync("/api/auth/login", new { email = "ubnd@demo.local", password = AppFactory.Password });
        using var bad = await client.PostAsJsonAsync("/api/auth/login", new { email = "ubnd@demo.local", password = "wrong" });

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.False(string.IsNullOrEmpty((await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token_and_a_forged_one_does_not()
    {
        using var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "giamdoc.stttt@demo.local", password = AppFactory.Password });
        var refreshToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();

        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        using var forged = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refreshToken + "x" });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/requests");
        request.Headers.Authorization = new("Bearer", token);
        using var authorized = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public void Demo_accounts_with_the_published_password_are_refused_outside_Development()
    {
        using var unsafeApp = new AppFactory { DemoPassword = ApprovalFlow.Web.Hosting.ApprovalFlowOptions.DefaultDemoPassword };
        var error = Assert.Throws<InvalidOperationException>(() => unsafeApp.CreateClient());
        Assert.Contains("ApprovalFlow:DemoPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        const string email = "giamdoc.snv@demo.local";
        for (var i = 0; i < 5; i++)
        {
            var page = PageSession.Anonymous(app);
            var login = await page.GetAsync("/Account/Login");
            using var failed = await page.SubmitAsync("/Account/Login", login.Forms[^1], overrides: new() { ["Email"] = email, ["Password"] = "sai-mat-khau" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var session = PageSession.Anonymous(app);
        var form = (await session.GetAsync("/Account/Login")).Forms[^1];
        using var locked = await session.SubmitAsync("/Account/Login", form, overrides: new() { ["Email"] = email, ["Password"] = AppFactory.Password });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var error = (await PageSession.ParseAsync(locked)).QuerySelector("[data-testid=login-error]")!.TextContent;
        Assert.Equal("Tài khoản tạm khóa 15 phút vì đăng nhập sai nhiều lần.", error);
    }

    [Fact]
    public async Task A_wrong_password_on_the_page_says_so_in_Vietnamese()
    {
        var session = PageSession.Anonymous(app);
        var form = (await session.GetAsync("/Account/Login")).Forms[^1];
        using var response = await session.SubmitAsync("/Account/Login", form, overrides: new() { ["Email"] = "ubnd@demo.local", ["Password"] = "x" });
        Assert.Equal("Thư điện tử hoặc mật khẩu không đúng.", (await PageSession.ParseAsync(response)).QuerySelector("[data-testid=login-error]")!.TextContent);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var session = await PageSession.LoginAsync(app, "ubnd@demo.local");
        var home = await session.GetAsync("/");
        var logout = home.Forms.Single(f => f.GetAttribute("action") == "/Account/Logout");
        using var _ = await session.SubmitAsync("/", logout);

        using var after = await session.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var session = PageSession.Anonymous(app);
        using var response = await session.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ubnd@demo.local",
            ["Password"] = AppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
