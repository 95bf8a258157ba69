using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Tests.Workflows;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>Human tasks in the real host: who sees them, the comment rule, claims, and completion exactly once.</summary>
public sealed class InboxApiTests(InboxApiTests.WithSignOffWorkflow fixture) : IClassFixture<InboxApiTests.WithSignOffWorkflow>
{
    private AppFactory App => fixture.App;

    /// <summary>Starts a sign-off on the Ban Dân tộc's proposal; returns the instance and its work item.</summary>
    private async Task<(string Instance, Guid Item)> StartSignOffAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == "BDT");
        var proposal = await db.Proposals.SingleAsync(p => p.AgencyId == agency.Id);
        var run = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync("sign-off-test", proposal.Id.ToString(), null, CancellationToken.None);
        var item = await db.WorkItems.SingleAsync(w => w.InstanceId == run.State.InstanceId);
        return (run.State.InstanceId, item.Id);
    }

    private static async Task<List<Guid>> InboxAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/inbox")).EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid item, string outcome, string? comment = null) =>
        client.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome, comment });

    [Fact]
    public async Task Only_the_role_within_the_proposals_agency_sees_the_task()
    {
        var (_, item) = await StartSignOffAsync();

        Assert.Contains(item, await InboxAsync(await ApiSession.LoginAsync(App, "truongban.bdt@demo.local")));
        foreach (var other in new[] { "giamdoc.stc@demo.local", "chuyenvien.bdt@demo.local", "thamdinh.stttt@demo.local" })
        {
            var client = await ApiSession.LoginAsync(App, other);
            Assert.DoesNotContain(item, await InboxAsync(client));
            using var forbidden = await CompleteAsync(client, item, "Approve");
            Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        }
    }

    [Fact]
    public async Task Returning_needs_a_comment_and_the_workflow_leaves_by_the_outcome_given()
    {
        var (instance, item) = await StartSignOffAsync();
        var head = await ApiSession.LoginAsync(App, "truongban.bdt@demo.local");

        using var noComment = await CompleteAsync(head, item, "Return");
        using var unknown = await CompleteAsync(head, item, "Maybe");
        using var returned = await CompleteAsync(head, item, "Return", "Bổ sung căn cứ pháp lý cho nhiệm vụ 2.");

        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("Cần nhập ý kiến cho kết quả này.", (await noComment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var journal = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().JournalAsync(instance, CancellationToken.None);
        Assert.Contains(journal, j => j is { ActivityId: "returned", Event: JournalEvents.Executed });
        Assert.DoesNotContain(journal, j => j is { ActivityId: "approved" });
        var stored = await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().WorkItems.SingleAsync(w => w.Id == item);
        Assert.Equal((WorkItemStatus.Completed, "Return", "api", "Trần Văn Mẫn"), (stored.Status, stored.Outcome, stored.Channel, stored.CompletedByName));
        Assert.DoesNotContain(item, await InboxAsync(head));
    }

    [Fact]
    public async Task Ten_people_pressing_approve_at_once_complete_the_task_once()
    {
        var (instance, item) = await StartSignOffAsync();
        var heads = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ApiSession.LoginAsync(App, "truongban.bdt@demo.local")));

        var statuses = await Task.WhenAll(heads.Select(async h =>
        {
            using var response = await CompleteAsync(h, item, "Approve");
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.NotFound, s.ToString()));
        await using var scope = App.Services.CreateAsyncScope();
        var journal = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().JournalAsync(instance, CancellationToken.None);
        Assert.Single(journal, j => j.Event == JournalEvents.Resumed);
        Assert.Single(journal, j => j is { ActivityId: "approved", Event: JournalEvents.Executed });
    }

    [Fact]
    public async Task A_claimed_task_leaves_the_others_inboxes_until_released()
    {
        var (_, item) = await StartSignOffAsync();
        var first = await ApiSession.LoginAsync(App, "truongban.bdt@demo.local");
        var second = await ApiSession.LoginAsync(App, WithSignOffWorkflow.SecondHead);

        using var claimed = await first.PostAsync($"/api/work-items/{item}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.DoesNotContain(item, await InboxAsync(second));
        using var stolen = await CompleteAsync(second, item, "Approve");
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        using var released = await first.PostAsync($"/api/work-items/{item}/release", null);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Contains(item, await InboxAsync(second));
    }

    [Fact]
    public async Task The_inbox_page_links_the_task_to_its_page_and_claims_and_releases_it()
    {
        var (_, item) = await StartSignOffAsync();
        var head = await PageSession.LoginAsync(App, "truongban.bdt@demo.local");

        var page = await head.GetAsync("/inbox");
        Assert.NotNull(page.QuerySelector("[data-testid=inbox-count]"));
        var card = Card(page, item);
        Assert.Equal($"/work/{item}", card.QuerySelector("[data-testid=work-link]")!.GetAttribute("href"));
        Assert.Equal("Ký duyệt đề xuất", card.QuerySelector("[data-testid=work-link]")!.TextContent);
        Assert.Empty(card.QuerySelectorAll("button[name=outcome]"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=inbox-items]")!;

        using var claimed = await head.SubmitAsync("/inbox?handler=Claim", form, overrides: new() { ["id"] = item.ToString() });
        var afterClaim = await head.GetAsync("/inbox");
        Assert.Equal("Đã nhận việc.", afterClaim.QuerySelector("[data-testid=inbox-message]")!.TextContent);
        Assert.NotNull(Card(afterClaim, item).QuerySelector("[data-testid=release]"));
        Assert.DoesNotContain(item, await InboxAsync(await ApiSession.LoginAsync(App, WithSignOffWorkflow.SecondHead)));

        using var released = await head.SubmitAsync("/inbox?handler=Release", form, overrides: new() { ["id"] = item.ToString() });
        var afterRelease = await head.GetAsync("/inbox");
        Assert.Equal("Đã trả việc về hàng chờ chung.", afterRelease.QuerySelector("[data-testid=inbox-message]")!.TextContent);
        Assert.NotNull(Card(afterRelease, item).QuerySelector("[data-testid=claim]"));
        Assert.Contains(item, await InboxAsync(await ApiSession.LoginAsync(App, WithSignOffWorkflow.SecondHead)));
    }

    private static AngleSharp.Dom.IElement Card(AngleSharp.Html.Dom.IHtmlDocument page, Guid item) =>
        page.QuerySelectorAll("[data-testid=work-item]").Single(c => c.GetAttribute("data-id") == item.ToString());

    [Fact]
    public async Task Submitting_a_proposal_to_the_ICT_review_shows_it_to_the_reviewers_and_closes_it_to_editing()
    {
        var staff = await ApiSession.LoginAsync(App, "chuyenvien.stc@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32();
        var reviewer = await ApiSession.LoginAsync(App, "thamdinh.stttt@demo.local");
        Assert.DoesNotContain((await reviewer.GetJsonAsync("/api/proposals")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync("submit-test", id.ToString(), null, CancellationToken.None);
        }

        var seen = Assert.Single((await reviewer.GetJsonAsync("/api/proposals")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal("UnderReview", seen.GetProperty("status").GetString());
        var ubnd = await ApiSession.LoginAsync(App, "ubnd@demo.local");
        Assert.Equal(0, (await ubnd.GetJsonAsync("/api/proposals")).GetArrayLength());
        using var late = await staff.PutProposalAsync(id, revision, Fixtures.SeedLetter.Content());
        Assert.True(late.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, late.StatusCode.ToString());
        Assert.False((await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("canEdit").GetBoolean());
    }

    /// <summary>A host whose workflows folder holds a sign-off: the agency head approves or returns with a comment.</summary>
    public sealed class WithSignOffWorkflow : IAsyncLifetime
    {
        private readonly string folder = AppFactory.WorkflowsFolderWithDefaults();

        public AppFactory App { get; private set; } = null!;

        public const string SecondHead = "photruongban.bdt@demo.local";

        public async Task InitializeAsync()
        {
            var definition = new Flow("sign-off-test")
                .Activity("start", "Elsa.Start")
                .Activity("sign", HumanTask.TypeName,
                    ("title", Literal("Ký duyệt đề xuất")), ("form", Literal("sign-off")), ("assigneeRole", Literal(Roles.AgencyHead)),
                    ("scopeToAgency", Literal(true)), ("outcomes", Literal(JsonNode.Parse("""["Approve","Return"]"""))),
                    ("commentRequiredFor", Literal(JsonNode.Parse("""["Return"]"""))))
                .Activity("approved", "Elsa.WriteLine", ("text", Literal("đã ký")))
                .Activity("returned", "Elsa.WriteLine", ("text", Literal("trả lại")))
                .Connect("start", "sign").Connect("sign", "approved", "Approve").Connect("sign", "returned", "Return")
                .Build();
            definition.IsPublished = true;
            await File.WriteAllTextAsync(Path.Combine(folder, "sign-off-test.json"), WorkflowJson.Write(definition));
            var submit = new Flow("submit-test")
                .Activity("start", "Elsa.Start")
                .Activity("submit", "ApprovalFlow.SetProposalStatus", ("status", Literal("UnderReview")))
                .Connect("start", "submit")
                .Build();
            submit.IsPublished = true;
            await File.WriteAllTextAsync(Path.Combine(folder, "submit-test.json"), WorkflowJson.Write(submit));
            App = new AppFactory { WorkflowsDir = folder };

            // A deputy head of the same agency, to share the role's queue.
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var head = await users.FindByEmailAsync("truongban.bdt@demo.local");
            var deputy = new AppUser { UserName = SecondHead, Email = SecondHead, EmailConfirmed = true, FullName = "Phó Trưởng Ban", AgencyId = head!.AgencyId };
            await users.CreateAsync(deputy, AppFactory.Password);
            await users.AddToRoleAsync(deputy, Roles.AgencyHead);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
