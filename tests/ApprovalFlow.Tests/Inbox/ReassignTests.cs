using System.Net;
using System.Text.Json;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Tests.Inbox.InboxHost;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>Reassignment: who may hand an item to whom, and that it then reaches that person only.</summary>
public sealed class ReassignTests(InboxHost host) : IClassFixture<InboxHost>
{
    [Fact]
    public async Task An_agency_head_gives_the_draft_to_one_staff_member_and_only_they_see_it()
    {
        var agency = await host.AgencyIdAsync("BDT");
        var draft = await host.DbAsync(db => db.WorkItems.Where(w => w.Form == WorkItemForms.Draft && w.AgencyId == agency).Select(w => w.Id).SingleAsync());
        var before = await host.ItemAsync(draft);
        var head = await ApiSession.LoginAsync(host.App, Head);
        var staff = await ApiSession.LoginAsync(host.App, Staff);
        var second = await ApiSession.LoginAsync(host.App, SecondStaff);
        Assert.Contains(draft, await InboxIdsAsync(staff));

        var candidates = (await head.GetJsonAsync($"/api/work-items/{draft}/candidates")).EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal([SecondStaffName, StaffName], candidates.Order(StringComparer.Ordinal));

        using var response = await ReassignAsync(head, draft, await host.UserIdAsync(SecondStaff));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(draft, await InboxIdsAsync(second));
        Assert.DoesNotContain(draft, await InboxIdsAsync(staff));
        var after = await host.ItemAsync(draft);
        Assert.Equal((await host.UserIdAsync(SecondStaff), (Guid?)null), (after.AssigneeUserId!.Value, after.ClaimedByUserId));
        Assert.True(after.Revision > before.Revision);
        var line = Assert.Single(await host.AuditOfAsync(draft), e => e.Action == "work-item.reassigned");
        var details = JsonDocument.Parse(line.Details!).RootElement;
        Assert.Equal((HeadName, SecondStaffName, JsonValueKind.Null), (line.ActorName, details.GetProperty("to").GetString(), details.GetProperty("from").ValueKind));
    }

    [Fact]
    public async Task Reassigning_to_someone_outside_the_role_or_the_agency_is_refused_and_changes_nothing()
    {
        var item = await host.StartAsync(SignOff);
        var head = await ApiSession.LoginAsync(host.App, Head);

        using var otherAgency = await ReassignAsync(head, item, await host.UserIdAsync("giamdoc.stc@demo.local"));
        using var otherRole = await ReassignAsync(head, item, await host.UserIdAsync(Staff));
        using var nobody = await ReassignAsync(head, item, Guid.NewGuid());

        foreach (var refused in new[] { otherAgency, otherRole, nobody })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(
                "Không giao được cho người này: người nhận phải có vai trò xử lý việc này và thuộc cơ quan của việc.",
                await ProblemTitleAsync(refused));
        }

        var stored = await host.ItemAsync(item);
        Assert.Equal(((Guid?)null, 0), (stored.AssigneeUserId, stored.Revision));
        Assert.Contains(item, await InboxIdsAsync(await ApiSession.LoginAsync(host.App, DeputyHead)));
    }

    [Fact]
    public async Task Staff_and_leaders_of_other_agencies_cannot_reassign_and_learn_nothing_of_other_agencies_items()
    {
        var item = await host.StartAsync(SignOff);
        var deputy = await host.UserIdAsync(DeputyHead);

        foreach (var outsider in new[] { "giamdoc.stc@demo.local", "giamdoc.stttt@demo.local", "ubnd@demo.local" })
        {
            var client = await ApiSession.LoginAsync(host.App, outsider);
            using var reassign = await ReassignAsync(client, item, deputy);
            using var candidates = await client.GetAsync($"/api/work-items/{item}/candidates");
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (reassign.StatusCode, candidates.StatusCode));
        }

        // Staff see their own draft, so being told "not allowed" reveals nothing.
        var staff = await ApiSession.LoginAsync(host.App, SecondStaff);
        var draft = (await InboxIdsAsync(staff, "?form=draft")).First();
        using var own = await ReassignAsync(staff, draft, await host.UserIdAsync(Staff));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal("Bạn không có quyền giao lại việc này.", await ProblemTitleAsync(own));
        Assert.Null((await host.ItemAsync(item)).AssigneeUserId);
    }

    [Fact]
    public async Task The_ICT_leader_reassigns_a_review_and_an_administrator_any_item()
    {
        var review = await host.StartAsync(Review, "STC");
        var signOff = await host.StartAsync(SignOff);
        var leader = await ApiSession.LoginAsync(host.App, "giamdoc.stttt@demo.local");
        var admin = await ApiSession.LoginAsync(host.App, "admin@demo.local");
        var first = await ApiSession.LoginAsync(host.App, Reviewer);
        var second = await ApiSession.LoginAsync(host.App, SecondReviewer);
        using var claimed = await first.PostAsync($"/api/work-items/{review}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);

        using var byLeader = await ReassignAsync(leader, review, await host.UserIdAsync(SecondReviewer));
        using var byAdmin = await ReassignAsync(admin, signOff, await host.UserIdAsync(DeputyHead));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byLeader.StatusCode, byAdmin.StatusCode));
        Assert.Contains(review, await InboxIdsAsync(second));
        Assert.DoesNotContain(review, await InboxIdsAsync(first));
        var line = Assert.Single(await host.AuditOfAsync(review), e => e.Action == "work-item.reassigned");
        Assert.Equal("Lê Minh Tuấn", JsonDocument.Parse(line.Details!).RootElement.GetProperty("from").GetString());
        Assert.Contains(signOff, await InboxIdsAsync(await ApiSession.LoginAsync(host.App, DeputyHead)));
        Assert.DoesNotContain(signOff, await InboxIdsAsync(await ApiSession.LoginAsync(host.App, Head)));
    }

    [Fact]
    public async Task The_reassign_page_offers_a_heads_items_to_the_agencys_heads_and_reassigns()
    {
        var item = await host.StartAsync(SignOff);
        var head = await PageSession.LoginAsync(host.App, Head);

        Assert.NotNull((await head.GetAsync("/inbox")).QuerySelector("[data-testid=reassign-link]"));
        var page = await head.GetAsync("/inbox/reassign");
        var card = page.QuerySelectorAll("[data-testid=reassign-item]").Single(c => c.GetAttribute("data-id") == item.ToString());
        Assert.Equal([DeputyHeadName, HeadName], card.QuerySelectorAll("select[name=userId] option").Select(o => o.TextContent).Order(StringComparer.Ordinal));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)card.QuerySelector("form")!;
        using var posted = await head.SubmitAsync("/inbox/reassign", form, overrides: new() { ["userId"] = (await host.UserIdAsync(DeputyHead)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var after = await head.GetAsync("/inbox/reassign");
        Assert.Equal("Đã giao lại việc.", after.QuerySelector("[data-testid=reassign-message]")!.TextContent);
        var moved = after.QuerySelectorAll("[data-testid=reassign-item]").Single(c => c.GetAttribute("data-id") == item.ToString());
        Assert.EndsWith(DeputyHeadName, moved.QuerySelector("[data-testid=holder]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await InboxAsync(await ApiSession.LoginAsync(host.App, DeputyHead)), i => i.GetProperty("id").GetGuid() == item && i.GetProperty("assignedToMe").GetBoolean());

        var staff = await PageSession.LoginAsync(host.App, Staff);
        Assert.Null((await staff.GetAsync("/inbox")).QuerySelector("[data-testid=reassign-link]"));
        Assert.NotNull((await staff.GetAsync("/inbox/reassign")).QuerySelector("[data-testid=reassign-empty]"));
    }
}
