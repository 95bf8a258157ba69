using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Tests.Workflows;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Inbox;

/// <summary>
/// The real host with the default workflows, a sign-off for agency heads and a review for the ICT reviewers, and a
/// second head, staff member and reviewer beside the demo accounts, so that items can move between colleagues.
/// </summary>
public class InboxHost : IAsyncLifetime
{
    public const string Head = "truongban.bdt@demo.local";
    public const string HeadName = "Trần Văn Mẫn";
    public const string DeputyHead = "photruongban.bdt@demo.local";
    public const string DeputyHeadName = "Phó Trưởng Ban";
    public const string Staff = "chuyenvien.bdt@demo.local";
    public const string StaffName = "Nguyễn Thị Hoa";
    public const string SecondStaff = "chuyenvien2.bdt@demo.local";
    public const string SecondStaffName = "Lê Thị Hồng";
    public const string Reviewer = "thamdinh.stttt@demo.local";
    public const string SecondReviewer = "thamdinh2.stttt@demo.local";
    public const string SecondReviewerName = "Trần Thị Thanh";
    public const string SignOff = "inbox-sign-off";
    public const string Review = "inbox-review";

    private readonly string folder = AppFactory.WorkflowsFolderWithDefaults();

    public AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var signOff = new Flow(SignOff)
            .Activity("start", "Elsa.Start")
            .Activity("sign", HumanTask.TypeName,
                ("title", Literal("Ký duyệt đề xuất")), ("form", Literal(WorkItemForms.SignOff)), ("assigneeRole", Literal(Roles.AgencyHead)),
                ("scopeToAgency", Literal(true)), ("outcomes", Literal(JsonNode.Parse("""["Approve","Return"]"""))),
                ("commentRequiredFor", Literal(JsonNode.Parse("""["Return"]"""))), ("dueBusinessDays", Literal(2)))
            .Activity("approved", "Elsa.WriteLine", ("text", Js("'approved on behalf of ' + (input.onBehalfOf || 'nobody')")))
            .Activity("returned", "Elsa.WriteLine", ("text", Literal("returned")))
            .Connect("start", "sign").Connect("sign", "approved", "Approve").Connect("sign", "returned", "Return")
            .Build();
        var review = new Flow(Review)
            .Activity("start", "Elsa.Start")
            .Activity("review", HumanTask.TypeName,
                ("title", Literal("Thẩm định đề xuất")), ("form", Literal(WorkItemForms.Review)), ("assigneeRole", Literal(Roles.IctReviewer)),
                ("outcomes", Literal(JsonNode.Parse("""["Accept","Return"]"""))))
            .Connect("start", "review")
            .Build();
        foreach (var definition in new[] { signOff, review })
        {
            definition.IsPublished = true;
            await File.WriteAllTextAsync(Path.Combine(folder, definition.DefinitionId + ".json"), WorkflowJson.Write(definition));
        }

        App = new AppFactory { WorkflowsDir = folder, Settings = await SettingsAsync() };
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AddColleagueAsync(users, Head, DeputyHead, DeputyHeadName, Roles.AgencyHead);
        await AddColleagueAsync(users, Staff, SecondStaff, SecondStaffName, Roles.AgencyStaff);
        await AddColleagueAsync(users, Reviewer, SecondReviewer, SecondReviewerName, Roles.IctReviewer);
    }

    /// <summary>Further host configuration: the database provider, say.</summary>
    protected virtual Task<Dictionary<string, string>> SettingsAsync() => Task.FromResult(new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Starts <paramref name="definitionId"/> on the proposal of the agency <paramref name="agencyCode"/>; returns its work item.</summary>
    public async Task<Guid> StartAsync(string definitionId, string agencyCode = "BDT")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Code == agencyCode);
        var proposal = await db.Proposals.SingleAsync(p => p.AgencyId == agency.Id);
        var run = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(definitionId, proposal.Id.ToString(), null, CancellationToken.None);
        return (await db.WorkItems.SingleAsync(w => w.InstanceId == run.State.InstanceId)).Id;
    }

    /// <summary>Runs <paramref name="action"/> on a fresh unit of work of the host's database.</summary>
    public async Task<T> DbAsync<T>(Func<ApprovalFlowDbContext, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>());
    }

    public Task<WorkItem> ItemAsync(Guid id) => DbAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id));

    public Task<Guid> UserIdAsync(string email) => DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public Task<Guid> AgencyIdAsync(string code) => DbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    /// <summary>The audit lines about one work item, oldest first.</summary>
    public Task<List<Audit.AuditEntry>> AuditOfAsync(Guid item) =>
        DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "work-item" && e.EntityId == item.ToString()).OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The caller's inbox through the API, with optional query parameters.</summary>
    public static async Task<List<JsonElement>> InboxAsync(HttpClient client, string query = "") =>
        [.. (await client.GetJsonAsync("/api/inbox" + query)).EnumerateArray()];

    public static async Task<List<Guid>> InboxIdsAsync(HttpClient client, string query = "") =>
        [.. (await InboxAsync(client, query)).Select(i => i.GetProperty("id").GetGuid())];

    public static Task<HttpResponseMessage> ReassignAsync(HttpClient client, Guid item, Guid userId) =>
        client.PostAsJsonAsync($"/api/work-items/{item}/reassign", new { userId });

    public static async Task<string?> ProblemTitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="url"/> with the page's antiforgery token, as a browser sends
    /// a form whose fields repeat (checkboxes of one name).
    /// </summary>
    public static Task<HttpResponseMessage> PostFormAsync(PageSession session, IHtmlDocument page, string url, params (string Name, string Value)[] fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return session.Client.PostAsync(url, content);
    }

    /// <summary>Adds a user of the same agency as <paramref name="of"/>, in <paramref name="role"/>.</summary>
    internal static async Task AddColleagueAsync(UserManager<AppUser> users, string of, string email, string name, string role)
    {
        var colleague = await users.FindByEmailAsync(of);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, AgencyId = colleague!.AgencyId };
        await users.CreateAsync(user, AppFactory.Password);
        await users.AddToRoleAsync(user, role);
    }
}
