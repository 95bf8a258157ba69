using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;
using Microsoft.Playwright;

namespace ApprovalFlow.Tests.Browser;

/// <summary>
/// The head's sign-off and the UBND's decision in a real Chromium, with one agency so that the chain reaches the
/// UBND as soon as the review accepts it; the other steps go through the API. Screenshots are kept for people.
/// </summary>
public sealed class ApprovalChainBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_head_signs_off_and_the_UBND_decides_in_the_browser()
    {
        var (request, proposal) = await SubmittedProposalAsync();

        // The head finds the item in the inbox, reads the letter with its totals, and approves.
        var head = await browser.SignInAsync("giamdoc.stc@demo.local");
        await head.GotoAsync("/inbox");
        await head.Locator("[data-testid=work-item]:has([data-testid=request-number]:has-text('40/STTTT-CĐS')) [data-testid=work-link]").ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=period-total]")).ToHaveTextAsync("408");
        await BrowserFixture.KeepScreenshotAsync(head, "chain-sign-off");
        await head.Locator("[data-testid=outcome-Approve]").ClickAsync();
        await Assertions.Expect(head.Locator("[data-testid=inbox-message], [data-testid=flash]").First).ToContainTextAsync("Đã xử lý xong");

        // The review, consolidation and the ICT leader's signature go through the API.
        var reviewer = await ApiSession.LoginAsync(browser.App, "thamdinh.stttt@demo.local");
        await CompleteAsync(reviewer, proposal, "review", "Accept");
        await CompleteAsync(reviewer, request, "consolidation", "Submit");
        await CompleteAsync(await ApiSession.LoginAsync(browser.App, "giamdoc.stttt@demo.local"), request, "sign-off", "Approve");

        // The UBND rejects task 4: without a reason the page says so and keeps the choice; with one, it issues.
        var ubnd = await browser.SignInAsync("ubnd@demo.local");
        await ubnd.GotoAsync($"/work/{await ItemAsync(await ApiSession.LoginAsync(browser.App, "ubnd@demo.local"), request, "decision")}");
        var task4 = ubnd.Locator("[data-testid=decision-task]").Nth(3);
        await task4.Locator("select").SelectOptionAsync("Reject");
        await ubnd.Locator("[data-testid=issue]").ClickAsync();
        await Assertions.Expect(ubnd.Locator("[data-testid=form-error]")).ToContainTextAsync("lý do");
        await Assertions.Expect(ubnd.Locator("[data-testid=decision-task]").Nth(3).Locator("select")).ToHaveValueAsync("Reject");
        await BrowserFixture.KeepScreenshotAsync(ubnd, "chain-decision-refused");
        await ubnd.Locator("[data-testid=decision-task]").Nth(3).Locator("input[name$='.Reason']").FillAsync("Trùng nhiệm vụ của tỉnh");
        await ubnd.Locator("[data-testid=issue]").ClickAsync();
        await ubnd.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));

        // The agency sees the outcome per task and every step it went through.
        var staff = await browser.SignInAsync("chuyenvien.stc@demo.local");
        await staff.GotoAsync($"/proposals/{proposal}");
        await Assertions.Expect(staff.Locator("[data-testid=status]")).ToHaveTextAsync("Phê duyệt một phần");
        await Assertions.Expect(staff.Locator("[data-testid=timeline-step]")).ToHaveCountAsync(3);
        await BrowserFixture.KeepScreenshotAsync(staff, "chain-proposal-decided");
    }

    /// <summary>A request to STC alone, with STC's proposal drafted and submitted through the API.</summary>
    private async Task<(Guid Request, Guid Proposal)> SubmittedProposalAsync()
    {
        var reviewer = await ApiSession.LoginAsync(browser.App, "thamdinh.stttt@demo.local");
        var stc = (await reviewer.GetJsonAsync("/api/requests")).EnumerateArray().SelectMany(r => r.GetProperty("targetAgencies").EnumerateArray())
            .First(a => a.GetProperty("code").GetString() == "STC").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var created = await reviewer.PostAsJsonAsync("/api/requests", new
        {
            number = "40/STTTT-CĐS",
            date = "2022-01-28",
            subject = "đề xuất nhiệm vụ chuyển đổi số",
            planPeriod = new { from = 2022, to = 2025 },
            planYear = 2022,
            pastYears = new { from = 2020, to = 2021 },
            deadline = today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            targetAgencyIds = new[] { stc },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var request = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var published = await reviewer.PostAsJsonAsync($"/api/requests/{request}/publish", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        var staff = await ApiSession.LoginAsync(browser.App, "chuyenvien.stc@demo.local");
        var proposal = (await staff.GetJsonAsync($"/api/proposals?requestId={request}")).EnumerateArray().Single();
        using (var saved = await staff.PutProposalAsync(proposal.GetProperty("id").GetGuid(), proposal.GetProperty("revision").GetInt32(), SeedLetter.Content()))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        await CompleteAsync(staff, proposal.GetProperty("id").GetGuid(), "draft", "Submit");
        return (request, proposal.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> ItemAsync(HttpClient client, Guid subject, string form) =>
        (await client.GetJsonAsync("/api/inbox")).EnumerateArray()
            .Single(i => i.GetProperty("correlationId").GetString() == subject.ToString() && i.GetProperty("form").GetString() == form).GetProperty("id").GetGuid();

    private static async Task CompleteAsync(HttpClient client, Guid subject, string form, string outcome)
    {
        using var response = await client.PostAsJsonAsync($"/api/work-items/{await ItemAsync(client, subject, form)}/complete", new { outcome });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
