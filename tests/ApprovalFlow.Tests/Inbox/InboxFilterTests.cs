using System.Net;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.WorkItems;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Tests.Inbox.InboxHost;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>What the inbox says of each item, its filters and order, and that each person's filters are kept for them.</summary>
public sealed class InboxFilterTests(InboxHost host) : IClassFixture<InboxHost>
{
    /// <summary>Three reviews: Ban Dân tộc's overdue, Sở Tài chính's due tomorrow, Sở Y tế's due next week; titled so that they sort C, A, B.</summary>
    private async Task<(Guid Overdue, Guid DueSoon, Guid Later)> ThreeReviewsAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = (await host.StartAsync(Review, "BDT"), await host.StartAsync(Review, "STC"), await host.StartAsync(Review, "SYT"));
        foreach (var (id, due, title) in new[] { (ids.Item1, now.AddDays(-1), "C thẩm định"), (ids.Item2, now.AddDays(1), "Ă thẩm định"), (ids.Item3, now.AddDays(5), "Â thẩm định") })
        {
            await host.DbAsync(db => db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, due).SetProperty(w => w.Title, title)));
        }

        return ids;
    }

    [Fact]
    public async Task Each_item_names_its_request_and_agency_and_its_page()
    {
        var staff = await ApiSession.LoginAsync(host.App, Staff);

        var draft = Assert.Single(await InboxAsync(staff), i => i.GetProperty("form").GetString() == WorkItemForms.Draft);

        Assert.Equal("113/STTTT-BCVT&CNTT", draft.GetProperty("requestNumber").GetString());
        Assert.Equal("Ban Dân tộc tỉnh Quảng Ngãi", draft.GetProperty("agencyName").GetString());
        Assert.False(draft.GetProperty("overdue").GetBoolean());
        var page = await (await PageSession.LoginAsync(host.App, Staff)).GetAsync("/inbox");
        var card = page.QuerySelectorAll("[data-testid=work-item]").Single(c => c.GetAttribute("data-id") == draft.GetProperty("id").GetString());
        Assert.Equal($"/work/{draft.GetProperty("id").GetString()}", card.QuerySelector("[data-testid=work-link]")!.GetAttribute("href"));
        Assert.Equal("Công văn 113/STTTT-BCVT&CNTT", card.QuerySelector("[data-testid=request-number]")!.TextContent);
        Assert.Equal("Ban Dân tộc tỉnh Quảng Ngãi", card.QuerySelector("[data-testid=agency-name]")!.TextContent);
    }

    [Fact]
    public async Task The_api_filters_by_due_state_agency_request_and_form_and_sorts()
    {
        var (overdue, dueSoon, later) = await ThreeReviewsAsync();
        var mine = new[] { overdue, dueSoon, later };
        var reviewer = await ApiSession.LoginAsync(host.App, Reviewer);
        async Task<List<Guid>> Ids(string query) => [.. (await InboxIdsAsync(reviewer, query)).Where(mine.Contains)];
        var request = await host.DbAsync(db => db.Requests.Select(r => r.Id).SingleAsync());

        var overdueOnly = Assert.Single(await InboxAsync(reviewer, "?due=overdue"), i => mine.Contains(i.GetProperty("id").GetGuid()));
        Assert.Equal((overdue, true), (overdueOnly.GetProperty("id").GetGuid(), overdueOnly.GetProperty("overdue").GetBoolean()));
        var soon = Assert.Single(await InboxAsync(reviewer, "?due=dueSoon"), i => mine.Contains(i.GetProperty("id").GetGuid()));
        Assert.Equal((dueSoon, true, false), (soon.GetProperty("id").GetGuid(), soon.GetProperty("dueSoon").GetBoolean(), soon.GetProperty("overdue").GetBoolean()));
        Assert.Equal([dueSoon], await Ids($"?agencyId={await host.AgencyIdAsync("STC")}"));
        Assert.Equal([overdue, dueSoon, later], await Ids("?sort=due"));
        Assert.Equal([dueSoon, later, overdue], await Ids("?sort=title"));
        Assert.Equal([later, dueSoon, overdue], await Ids("?sort=created"));
        Assert.Equal(3, (await Ids($"?requestId={request}&form=review")).Count);
        Assert.Empty(await Ids($"?requestId={Guid.NewGuid()}"));
        Assert.Empty(await Ids("?form=draft"));
        using var bad = await reviewer.GetAsync("/api/inbox?due=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_inbox_page_keeps_each_persons_filters_and_badges_overdue_and_due_soon_items()
    {
        var (overdue, dueSoon, _) = await ThreeReviewsAsync();
        var reviewer = await PageSession.LoginAsync(host.App, Reviewer);
        var page = await reviewer.GetAsync("/inbox");
        var filters = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=inbox-filters]")!;
        Assert.Equal("Sắp đến hạn", Card(page, dueSoon).QuerySelector("[data-testid=due-soon]")!.TextContent);
        Assert.Equal("Quá hạn", Card(page, overdue).QuerySelector("[data-testid=overdue]")!.TextContent);

        using var saved = await reviewer.SubmitAsync("/inbox", filters, overrides: new() { ["due"] = "Overdue", ["sort"] = "Title" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A new sign-in (another device) opens the inbox as it was left.
        var again = await (await PageSession.LoginAsync(host.App, Reviewer)).GetAsync("/inbox");
        Assert.Equal("Overdue", again.QuerySelector("#filter-due option[selected]")!.GetAttribute("value"));
        Assert.Equal("Title", again.QuerySelector("#filter-sort option[selected]")!.GetAttribute("value"));
        var cards = again.QuerySelectorAll("[data-testid=work-item]");
        Assert.Contains(cards, c => c.GetAttribute("data-id") == overdue.ToString());
        Assert.DoesNotContain(cards, c => c.GetAttribute("data-id") == dueSoon.ToString());
        Assert.All(cards, c => Assert.NotNull(c.QuerySelector("[data-testid=overdue]")));

        // Each person's own: a colleague's inbox is unfiltered.
        var colleague = await (await PageSession.LoginAsync(host.App, SecondReviewer)).GetAsync("/inbox");
        Assert.Equal("All", colleague.QuerySelector("#filter-due option[selected]")!.GetAttribute("value"));
        Assert.NotNull(Card(colleague, dueSoon));

        using var reset = await PostFormAsync(reviewer, await reviewer.GetAsync("/inbox"), "/inbox?handler=ResetFilter");
        Assert.NotNull(Card(await reviewer.GetAsync("/inbox"), dueSoon));
    }

    private static AngleSharp.Dom.IElement Card(AngleSharp.Html.Dom.IHtmlDocument page, Guid id) =>
        page.QuerySelectorAll("[data-testid=work-item]").Single(c => c.GetAttribute("data-id") == id.ToString());
}
