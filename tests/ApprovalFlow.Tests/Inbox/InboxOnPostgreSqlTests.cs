using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Tests.Infrastructure;
using ApprovalFlow.Tests.Web;
using static ApprovalFlow.Tests.Inbox.InboxHost;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>The inbox's queries on PostgreSQL, as production runs them: substitutes, filters, kept views, reassignment.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class InboxOnPostgreSqlTests(InboxOnPostgreSqlTests.OnPostgreSql host) : IClassFixture<InboxOnPostgreSqlTests.OnPostgreSql>
{
    [Fact]
    public async Task A_substitute_claims_for_the_absent_head_and_an_administrator_reassigns_it_back()
    {
        var item = await host.StartAsync(SignOff);
        var head = await ApiSession.LoginAsync(host.App, Head);
        var deputy = await ApiSession.LoginAsync(host.App, DeputyHead);
        using var claimed = await head.PostAsync($"/api/work-items/{item}/claim", null);
        var today = ApprovalFlow.WorkItems.OutOfOffice.Today(TimeProvider.System);
        using var away = await head.PutAsJsonAsync("/api/me/away", new { awayUntil = today.AddDays(2), substituteUserId = await host.UserIdAsync(DeputyHead) });
        Assert.Equal(HttpStatusCode.OK, away.StatusCode);

        var shown = Assert.Single(await InboxAsync(deputy, "?sort=title&due=all&form=sign-off"), i => i.GetProperty("id").GetGuid() == item);
        Assert.Equal((HeadName, "113/STTTT-BCVT&CNTT", "Ban Dân tộc tỉnh Quảng Ngãi"), (shown.GetProperty("onBehalfOf").GetString(), shown.GetProperty("requestNumber").GetString(), shown.GetProperty("agencyName").GetString()));
        using var bulk = await deputy.PostAsJsonAsync("/api/work-items/claim", new { ids = new[] { item } });
        Assert.Equal(1, (await bulk.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("claimedCount").GetInt32());
        Assert.Equal(HeadName, (await host.ItemAsync(item)).OnBehalfOfName);

        var admin = await ApiSession.LoginAsync(host.App, "admin@demo.local");
        using var reassigned = await ReassignAsync(admin, item, await host.UserIdAsync(Head));
        Assert.Equal(HttpStatusCode.OK, reassigned.StatusCode);
        Assert.Contains(item, await InboxIdsAsync(head));
        var stored = await host.ItemAsync(item);
        Assert.Equal((await host.UserIdAsync(Head), (Guid?)null, (string?)null), (stored.AssigneeUserId!.Value, stored.ClaimedByUserId, stored.OnBehalfOfName));
    }

    [Fact]
    public async Task The_inbox_view_is_kept_in_the_database()
    {
        var session = await PageSession.LoginAsync(host.App, Reviewer);
        var page = await session.GetAsync("/inbox");
        using var saved = await session.SubmitAsync("/inbox", (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=inbox-filters]")!, overrides: new() { ["due"] = "DueSoon", ["form"] = "review" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var again = await (await PageSession.LoginAsync(host.App, Reviewer)).GetAsync("/inbox");
        Assert.Equal(("DueSoon", "review"), (again.QuerySelector("#filter-due option[selected]")!.GetAttribute("value"), again.QuerySelector("#filter-form option[selected]")!.GetAttribute("value")));
    }

    /// <summary>The inbox host on a fresh database of the test run's PostgreSQL server.</summary>
    public sealed class OnPostgreSql : InboxHost
    {
        protected override async Task<Dictionary<string, string>> SettingsAsync() => new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync(),
        };
    }
}
