using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Fixtures;

namespace ApprovalFlow.Tests.Web;

/// <summary>Two people saving the same draft: the second is told what changed and loses nothing.</summary>
public sealed class ConcurrentSaveTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_second_api_save_gets_409_with_the_changes_and_stores_nothing()
    {
        var first = await ApiSession.LoginAsync(app, "chuyenvien.sgddt@demo.local");
        var second = await ApiSession.LoginAsync(app, "chuyenvien.sgddt@demo.local");
        var id = await first.OwnProposalIdAsync();
        var revision = (await first.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32();

        var mine = SeedLetter.Content();
        mine.Goals = "Mục tiêu của người thứ nhất";
        var theirs = SeedLetter.Content();
        theirs.Goals = "Mục tiêu của người thứ hai";

        using var won = await first.PutProposalAsync(id, revision, mine);
        using var lost = await second.PutProposalAsync(id, revision, theirs);

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var problem = await lost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(revision + 1, problem.GetProperty("currentRevision").GetInt32());
        var goals = Assert.Single(problem.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "goals");
        Assert.Equal("Mục tiêu của người thứ nhất", goals.GetProperty("after").GetString());
        Assert.Equal("Mục tiêu của người thứ nhất", ApiSession.ContentOf(await first.GetJsonAsync($"/api/proposals/{id}")).Goals);

        // Having read the changes, the second person saves on top of the current revision.
        using var retried = await second.PutProposalAsync(id, revision + 1, theirs);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [Fact]
    public async Task Simultaneous_saves_from_one_revision_store_exactly_one()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.stp@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32();

        var saves = Enumerable.Range(0, 8).Select(async i =>
        {
            var content = SeedLetter.Content();
            content.Goals = $"Bản {i}";
            using var response = await staff.PutProposalAsync(id, revision, content);
            return response.StatusCode;
        });
        var results = await Task.WhenAll(saves);

        Assert.Equal(1, results.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, results.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(revision + 1, (await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task The_second_page_save_shows_what_changed_and_keeps_what_was_typed()
    {
        var alice = await PageSession.LoginAsync(app, "chuyenvien.snv@demo.local");
        var bob = await PageSession.LoginAsync(app, "chuyenvien.snv@demo.local");
        var id = await (await ApiSession.LoginAsync(app, "chuyenvien.snv@demo.local")).OwnProposalIdAsync();
        var url = $"/proposals/{id}/edit";
        var aliceForm = (await alice.GetAsync(url)).Forms.Single(f => f.Id == "proposal-editor");
        var bobForm = (await bob.GetAsync(url)).Forms.Single(f => f.Id == "proposal-editor");

        using var saved = await alice.SubmitAsync(url, aliceForm, "save", new() { ["Form.Goals"] = "Mục tiêu do Alice viết", ["Form.TasksDone"] = "Việc Alice đã làm" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var conflicted = await bob.SubmitAsync(url, bobForm, "save", new() { ["Form.Goals"] = "Mục tiêu do Bob viết", ["Form.Limitations"] = "Hạn chế Bob ghi" });
        Assert.Equal(HttpStatusCode.OK, conflicted.StatusCode);
        var page = await PageSession.ParseAsync(conflicted);

        var banner = page.QuerySelector("[data-testid=conflict]")!;
        Assert.Contains("Mục tiêu do Alice viết", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("I.1. Những nhiệm vụ đã thực hiện", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mục tiêu do Bob viết", page.QuerySelector("textarea[name='Form.Goals']")!.TextContent.Trim());
        Assert.Equal("Hạn chế Bob ghi", page.QuerySelector("textarea[name='Form.Limitations']")!.TextContent.Trim());

        // Bob's next save goes on top of Alice's.
        var form = page.Forms.Single(f => f.Id == "proposal-editor");
        using var resaved = await bob.SubmitAsync(url, form, "save");
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
        var stored = ApiSession.ContentOf(await (await ApiSession.LoginAsync(app, "chuyenvien.snv@demo.local")).GetJsonAsync($"/api/proposals/{id}"));
        Assert.Equal(("Mục tiêu do Bob viết", "Hạn chế Bob ghi"), (stored.Goals, stored.Limitations));
    }
}
