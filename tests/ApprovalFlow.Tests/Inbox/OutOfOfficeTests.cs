using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Tests.Inbox.InboxHost;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>Out of office: a colleague stands in, sees the absent person's items and acts on their behalf, on the record.</summary>
public sealed class OutOfOfficeTests(InboxHost host) : IClassFixture<InboxHost>
{
    private static DateOnly Today => OutOfOffice.Today(TimeProvider.System);

    private static Task<HttpResponseMessage> SetAwayAsync(HttpClient client, DateOnly? awayUntil, Guid? substituteUserId) =>
        client.PutAsJsonAsync("/api/me/away", new { awayUntil, substituteUserId });

    [Fact]
    public async Task A_substitute_sees_the_absent_heads_item_and_approves_it_on_their_behalf()
    {
        var item = await host.StartAsync(SignOff);
        var head = await ApiSession.LoginAsync(host.App, Head);
        var deputy = await ApiSession.LoginAsync(host.App, DeputyHead);
        using (var claimed = await head.PostAsync($"/api/work-items/{item}/claim", null))
        {
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        }

        Assert.DoesNotContain(item, await InboxIdsAsync(deputy));

        using var away = await SetAwayAsync(head, Today.AddDays(3), await host.UserIdAsync(DeputyHead));
        try
        {
            Assert.Equal(HttpStatusCode.OK, away.StatusCode);
            var shown = Assert.Single(await InboxAsync(deputy), i => i.GetProperty("id").GetGuid() == item);
            Assert.Equal(HeadName, shown.GetProperty("onBehalfOf").GetString());

            using var approved = await deputy.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome = "Approve" });

            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var stored = await host.ItemAsync(item);
            Assert.Equal((WorkItemStatus.Completed, DeputyHeadName, HeadName), (stored.Status, stored.CompletedByName, stored.OnBehalfOfName));
            var line = Assert.Single(await host.AuditOfAsync(item), e => e.Action == "work-item.completed");
            Assert.Equal((DeputyHeadName, HeadName), (line.ActorName, line.OnBehalfOfName));
            await using var scope = host.App.Services.CreateAsyncScope();
            var journal = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().JournalAsync(stored.InstanceId, CancellationToken.None);
            Assert.Contains(journal, j => j.Event == JournalEvents.Log && j.PayloadJson != null && System.Text.Json.Nodes.JsonNode.Parse(j.PayloadJson)!.GetValue<string>() == "approved on behalf of " + HeadName);
        }
        finally
        {
            using var back = await SetAwayAsync(head, null, null);
        }
    }

    [Fact]
    public async Task A_substitute_stands_in_only_within_the_roles_they_hold_themselves()
    {
        // A colleague who is both staff and head goes away and names a staff member: the head's sign-off stays out
        // of the staff member's reach.
        const string both = "kiemnhiem.bdt@demo.local";
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApprovalFlow.Identity.AppUser>>();
            if (await users.FindByEmailAsync(both) is null)
            {
                await AddColleagueAsync(users, Head, both, "Kiêm nhiệm", ApprovalFlow.Identity.Roles.AgencyHead);
                await users.AddToRoleAsync((await users.FindByEmailAsync(both))!, ApprovalFlow.Identity.Roles.AgencyStaff);
            }
        }

        var item = await host.StartAsync(SignOff);
        var absent = await ApiSession.LoginAsync(host.App, both);
        var staff = await ApiSession.LoginAsync(host.App, Staff);
        using var away = await SetAwayAsync(absent, Today.AddDays(3), await host.UserIdAsync(Staff));
        try
        {
            Assert.Equal(HttpStatusCode.OK, away.StatusCode);
            Assert.DoesNotContain(item, await InboxIdsAsync(staff));
            using var refused = await staff.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome = "Approve" });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(WorkItemStatus.Open, (await host.ItemAsync(item)).Status);
        }
        finally
        {
            using var back = await SetAwayAsync(absent, null, null);
        }
    }

    [Fact]
    public async Task Only_a_colleague_of_the_same_agency_sharing_a_role_may_stand_in()
    {
        var head = await ApiSession.LoginAsync(host.App, Head);
        var deputy = await host.UserIdAsync(DeputyHead);

        var offered = (await head.GetJsonAsync("/api/me/away")).GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal([DeputyHeadName], offered);
        using var staffOfAgency = await SetAwayAsync(head, Today.AddDays(1), await host.UserIdAsync(Staff));
        using var headOfOther = await SetAwayAsync(head, Today.AddDays(1), await host.UserIdAsync("giamdoc.stc@demo.local"));
        using var pastDay = await SetAwayAsync(head, Today.AddDays(-1), deputy);
        using var nobody = await SetAwayAsync(head, Today.AddDays(1), null);

        Assert.Equal("Người xử lý thay phải cùng cơ quan và có chung ít nhất một vai trò với bạn.", await ProblemTitleAsync(staffOfAgency));
        Assert.Equal("Người xử lý thay phải cùng cơ quan và có chung ít nhất một vai trò với bạn.", await ProblemTitleAsync(headOfOther));
        Assert.Equal("Ngày kết thúc vắng mặt không được trước hôm nay.", await ProblemTitleAsync(pastDay));
        Assert.Equal("Cần chọn người xử lý thay trong thời gian vắng mặt.", await ProblemTitleAsync(nobody));
        Assert.False((await head.GetJsonAsync("/api/me/away")).GetProperty("isAway").GetBoolean());
    }

    [Fact]
    public async Task When_the_absence_is_over_the_substitute_no_longer_sees_the_items()
    {
        var item = await host.StartAsync(SignOff);
        var head = await ApiSession.LoginAsync(host.App, Head);
        var deputy = await ApiSession.LoginAsync(host.App, DeputyHead);
        using var claimed = await head.PostAsync($"/api/work-items/{item}/claim", null);
        using var away = await SetAwayAsync(head, Today, await host.UserIdAsync(DeputyHead));
        try
        {
            Assert.Contains(item, await InboxIdsAsync(deputy));

            var headId = await host.UserIdAsync(Head);
            await host.DbAsync(db => db.Users.Where(u => u.Id == headId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AwayUntil, Today.AddDays(-1))));

            Assert.DoesNotContain(item, await InboxIdsAsync(deputy));
            using var late = await deputy.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome = "Approve" });
            Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        }
        finally
        {
            using var back = await SetAwayAsync(head, null, null);
        }
    }

    [Fact]
    public async Task The_away_page_makes_the_substitutes_inbox_and_count_show_the_absent_colleagues_work()
    {
        var agency = await host.AgencyIdAsync("BDT");
        var draft = await host.DbAsync(db => db.WorkItems.Where(w => w.Form == WorkItemForms.Draft && w.AgencyId == agency).Select(w => w.Id).SingleAsync());
        var staff = await PageSession.LoginAsync(host.App, Staff);
        var second = await PageSession.LoginAsync(host.App, SecondStaff);
        var claim = await staff.GetAsync("/inbox");
        using (var claimed = await PostFormAsync(staff, claim, "/inbox?handler=Claim", ("id", draft.ToString())))
        {
            Assert.Equal(await host.UserIdAsync(Staff), (await host.ItemAsync(draft)).ClaimedByUserId);
        }

        var countBefore = CountOf(await second.GetAsync("/inbox"));
        var awayPage = await staff.GetAsync("/account/away");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)awayPage.QuerySelector("[data-testid=away-form]")!;
        using var saved = await staff.SubmitAsync("/account/away", form, overrides: new()
        {
            ["awayUntil"] = Today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["substituteUserId"] = (await host.UserIdAsync(SecondStaff)).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            var status = (await staff.GetAsync("/account/away")).QuerySelector("[data-testid=away-status]")!.TextContent.Trim();
            Assert.Equal($"Bạn đang vắng mặt đến hết ngày {Today.AddDays(7):dd/MM/yyyy}; {SecondStaffName} xử lý thay.", status);

            var inbox = await second.GetAsync("/inbox");
            Assert.Equal(countBefore + 1, CountOf(inbox));
            var card = inbox.QuerySelectorAll("[data-testid=work-item]").Single(c => c.GetAttribute("data-id") == draft.ToString());
            Assert.Equal($"Thay mặt {StaffName}", card.QuerySelector("[data-testid=on-behalf]")!.TextContent);

            using var taken = await PostFormAsync(second, inbox, "/inbox?handler=Claim", ("id", draft.ToString()));
            var stored = await host.ItemAsync(draft);
            Assert.Equal((await host.UserIdAsync(SecondStaff), StaffName), (stored.ClaimedByUserId!.Value, stored.OnBehalfOfName));
            var line = (await host.AuditOfAsync(draft)).Last(e => e.Action == "work-item.claimed");
            Assert.Equal((SecondStaffName, StaffName), (line.ActorName, line.OnBehalfOfName));
        }
        finally
        {
            var page = await staff.GetAsync("/account/away");
            using var back = await PostFormAsync(staff, page, "/account/away?handler=Back");
        }

        Assert.Equal("Bạn đang không đặt lịch vắng mặt.", (await staff.GetAsync("/account/away")).QuerySelector("[data-testid=away-status]")!.TextContent.Trim());
    }

    private static int CountOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("[data-testid=inbox-count]") is { } badge ? int.Parse(badge.TextContent, CultureInfo.InvariantCulture) : 0;
}
