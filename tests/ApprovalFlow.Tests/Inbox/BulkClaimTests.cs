using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Web;
using static ApprovalFlow.Tests.Inbox.InboxHost;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>Bulk claim: every item still free is taken, the others are reported, nothing is taken twice.</summary>
public sealed class BulkClaimTests(InboxHost host) : IClassFixture<InboxHost>
{
    [Fact]
    public async Task Bulk_claim_takes_the_free_items_and_reports_those_already_taken()
    {
        var first = await host.StartAsync(SignOff);
        var taken = await host.StartAsync(SignOff);
        var third = await host.StartAsync(SignOff);
        var unknown = Guid.NewGuid();
        var head = await ApiSession.LoginAsync(host.App, Head);
        var deputy = await ApiSession.LoginAsync(host.App, DeputyHead);
        using (var claimed = await deputy.PostAsync($"/api/work-items/{taken}/claim", null))
        {
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        }

        using var response = await head.PostAsJsonAsync("/api/work-items/claim", new { ids = new[] { first, taken, third, unknown } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("claimedCount").GetInt32());
        Assert.Equal([first, third], result.GetProperty("claimed").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal([taken, unknown], result.GetProperty("notClaimed").EnumerateArray().Select(i => i.GetGuid()));
        var mine = (await InboxAsync(head)).Where(i => i.GetProperty("claimedByMe").GetBoolean()).Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first, mine);
        Assert.Contains(third, mine);
        Assert.DoesNotContain(taken, await InboxIdsAsync(head));
        var deputys = await InboxIdsAsync(deputy);
        Assert.Contains(taken, deputys);
        Assert.DoesNotContain(first, deputys);
        Assert.DoesNotContain(third, deputys);
        Assert.Equal(await host.UserIdAsync(Head), (await host.ItemAsync(first)).ClaimedByUserId);
    }

    [Fact]
    public async Task An_empty_or_oversized_bulk_claim_is_refused()
    {
        var head = await ApiSession.LoginAsync(host.App, Head);

        using var empty = await head.PostAsJsonAsync("/api/work-items/claim", new { ids = Array.Empty<Guid>() });
        using var huge = await head.PostAsJsonAsync("/api/work-items/claim", new { ids = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()) });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (empty.StatusCode, huge.StatusCode));
        Assert.Equal("Mỗi lần nhận từ 1 đến 200 việc.", await ProblemTitleAsync(empty));
    }

    [Fact]
    public async Task The_inbox_page_claims_the_checked_items_at_once()
    {
        var first = await host.StartAsync(SignOff);
        var second = await host.StartAsync(SignOff);
        var deputy = await PageSession.LoginAsync(host.App, DeputyHead);
        var page = await deputy.GetAsync("/inbox");
        var boxes = page.QuerySelectorAll("[data-testid=work-item] input[name=ids]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Contains(first.ToString(), boxes);
        Assert.Contains(second.ToString(), boxes);

        using var posted = await PostFormAsync(deputy, page, "/inbox?handler=ClaimSelected", ("ids", first.ToString()), ("ids", second.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await deputy.GetAsync("/inbox");
        Assert.Equal("Đã nhận 2 việc.", after.QuerySelector("[data-testid=inbox-message]")!.TextContent);
        var deputyId = await host.UserIdAsync(DeputyHead);
        Assert.Equal((deputyId, deputyId), ((await host.ItemAsync(first)).ClaimedByUserId!.Value, (await host.ItemAsync(second)).ClaimedByUserId!.Value));
        foreach (var id in new[] { first, second })
        {
            var card = after.QuerySelectorAll("[data-testid=work-item]").Single(c => c.GetAttribute("data-id") == id.ToString());
            Assert.NotNull(card.QuerySelector("[data-testid=release]"));
            Assert.Null(card.QuerySelector("input[name=ids]"));
        }
    }
}
