using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Reminders;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Web;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ApprovalFlow.Tests.Browser;

/// <summary>
/// The workflow designer in a real Chromium: an administrator changes the sign-off step of the proposal workflow
/// and publishes it; builds a workflow from an empty canvas; imports an Elsa Studio export. Screenshots are kept.
/// </summary>
public sealed class DesignerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Admin = "admin@demo.local";

    [Fact]
    public async Task A_new_sign_off_due_period_and_reminder_apply_to_proposals_started_after_the_publish_only()
    {
        // Proposal A reaches the head's sign-off on the version imported at start-up.
        var (_, before) = await SubmittedProposalAsync("41/STTTT-CĐS");
        var oldVersion = await InstanceVersionAsync(before);

        // The administrator opens the workflow, gives the sign-off five business days and a reminder three days before, and publishes.
        var page = await browser.SignInAsync(Admin);
        await page.GotoAsync("/admin/workflows/budget-proposal");
        var signOff = page.Locator("[data-testid=activity-node][data-activity-id=sign-off]");
        await signOff.Locator(".af-node-name").ClickAsync();
        var panel = page.Locator("[data-testid=property-panel]");
        await Assertions.Expect(panel).ToContainTextAsync("Thời hạn (ngày làm việc)");
        await Assertions.Expect(panel.GetByLabel("Vai trò xử lý", new() { Exact = true })).ToHaveValueAsync("AgencyHead");
        await panel.GetByLabel("Thời hạn (ngày làm việc)", new() { Exact = true }).FillAsync("5");
        await panel.GetByLabel("Nhắc trước hạn (ngày làm việc)", new() { Exact = true }).FillAsync("3");
        await BrowserFixture.KeepScreenshotAsync(page, "designer-sign-off-edited");
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=designer-status]")).ToContainTextAsync($"Đã ban hành phiên bản {oldVersion + 1}");

        // The version history shows what changed.
        await page.Locator("[data-testid=toggle-versions]").ClickAsync();
        await page.Locator("[data-testid=diff-from]").SelectOptionAsync(oldVersion.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=compare]").ClickAsync();
        var changes = page.Locator("[data-testid=change][data-kind=InputChanged]");
        await Assertions.Expect(changes).ToHaveCountAsync(2);
        await Assertions.Expect(changes.Filter(new() { HasText = "dueBusinessDays" })).ToContainTextAsync("5");
        await BrowserFixture.KeepScreenshotAsync(page, "designer-sign-off-published");

        // Proposal B, started afterwards, follows the new version: five business days, reminded three days before.
        var (_, after) = await SubmittedProposalAsync("42/STTTT-CĐS");
        Assert.Equal(oldVersion + 1, await InstanceVersionAsync(after));
        var (itemB, remindersB) = await SignOffItemAsync(after);
        var calendar = browser.App.Services.GetRequiredService<IBusinessCalendar>();
        Assert.Equal(calendar.DueAt(itemB.CreatedAt, 5), itemB.DueAt);
        Assert.Contains(remindersB, r => r.Kind == ReminderKind.BeforeDue && r.DueAt == calendar.At(calendar.AddBusinessDays(calendar.LocalDate(itemB.DueAt!.Value), -3), ReminderPolicy.ReminderHour));

        // Proposal A stays on its version: returned and submitted again, its sign-off is still due in two business days.
        Assert.Equal(oldVersion, await InstanceVersionAsync(before));
        var (itemA, _) = await SignOffItemAsync(before);
        Assert.Equal(calendar.DueAt(itemA.CreatedAt, 2), itemA.DueAt);
        await CompleteAsync(await ApiSession.LoginAsync(browser.App, "giamdoc.stc@demo.local"), before, "sign-off", "Return", "Bổ sung thuyết minh");
        await CompleteAsync(await ApiSession.LoginAsync(browser.App, "chuyenvien.stc@demo.local"), before, "draft", "Submit");
        var (again, _) = await SignOffItemAsync(before);
        Assert.NotEqual(itemA.Id, again.Id);
        Assert.Equal(calendar.DueAt(again.CreatedAt, 2), again.DueAt);

        // The instance viewer shows proposal B waiting at the sign-off, on the new version.
        var instanceId = await InstanceIdAsync(after);
        await page.GotoAsync($"/admin/instances/{instanceId}");
        await Assertions.Expect(page.Locator("[data-testid=activity-node][data-activity-id=sign-off]")).ToHaveAttributeAsync("data-state", "current");
        await Assertions.Expect(page.Locator("[data-testid=activity-node][data-activity-id=draft]")).ToHaveAttributeAsync("data-state", "visited");
        await Assertions.Expect(page.Locator("[data-testid=proposal-link]")).ToHaveAttributeAsync("href", $"/proposals/{after}");
        await Assertions.Expect(page.Locator("[data-testid=journal-line]").First).ToBeVisibleAsync();
        await BrowserFixture.KeepScreenshotAsync(page, "instance-at-sign-off");
    }

    [Fact]
    public async Task An_administrator_builds_a_workflow_from_an_empty_canvas_and_publishes_it_once_it_validates()
    {
        var page = await browser.SignInAsync(Admin);
        await page.GotoAsync("/admin/workflows");
        await page.Locator("[data-testid=new-name]").FillAsync("Thông báo thử nghiệm");
        await page.Locator("[data-testid=create]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/workflows/", StringComparison.Ordinal));
        var definitionId = new Uri(page.Url).Segments[^1];
        var nodes = page.Locator("[data-testid=activity-node]");
        await Assertions.Expect(page.Locator("[data-testid=toolbox]")).ToContainTextAsync("Bắt đầu");
        await Assertions.Expect(nodes).ToHaveCountAsync(0);

        // Three activities dragged from the toolbox; only the start and the end connected.
        var canvas = page.Locator("[data-testid=canvas]");
        await DragToolAsync(page, "Elsa.Start", canvas, 80, 100);
        await DragToolAsync(page, "Elsa.WriteLine", canvas, 300, 260);
        await DragToolAsync(page, "Elsa.End", canvas, 520, 100);
        await Assertions.Expect(nodes).ToHaveCountAsync(3);
        await ConnectAsync(page, "Elsa.Start", "Done", "Elsa.End");

        // The server's validation marks the unconnected activity, and publishing is refused.
        var line = page.Locator("[data-testid=activity-node][data-activity-type='Elsa.WriteLine']");
        await Assertions.Expect(line.Locator("[data-testid=node-problem]")).ToContainTextAsync("không được nối tới");
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=designer-status]")).ToContainTextAsync("Chưa ban hành được");
        await BrowserFixture.KeepScreenshotAsync(page, "designer-empty-canvas-problem");

        // Fixed: the start leads to the line (its arrow moves there), the line to the end.
        await ConnectAsync(page, "Elsa.Start", "Done", "Elsa.WriteLine");
        await ConnectAsync(page, "Elsa.WriteLine", "Done", "Elsa.End");
        await BrowserFixture.KeepScreenshotAsync(page, "designer-empty-canvas-fixed");
        await Assertions.Expect(page.Locator("[data-testid=node-problem]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã ban hành phiên bản 1");
        await BrowserFixture.KeepScreenshotAsync(page, "designer-empty-canvas-published");

        // What was published runs from the start through the line to the end.
        using var scope = browser.App.Services.CreateScope();
        var run = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(definitionId, null, null, CancellationToken.None);
        Assert.Equal(ApprovalFlow.Workflows.Runtime.WorkflowStatus.Finished, run.State.Status);
        Assert.Equal(["Elsa.Start", "Elsa.WriteLine", "Elsa.End"], run.Journal.Where(j => j.Event == "Executed").Select(j => j.ActivityType));
    }

    [Fact]
    public async Task The_designer_copies_pastes_deletes_undoes_redoes_lays_out_and_zooms_in_English_too()
    {
        var page = await browser.SignInAsync(Admin);
        await page.GotoAsync("/admin/workflows");
        await page.Locator("[data-testid=new-name]").FillAsync("Công cụ thiết kế");
        await page.Locator("[data-testid=create]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/workflows/", StringComparison.Ordinal));

        // Switched to English: the toolbox speaks it, from the descriptors' English names.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=tool][data-type='ApprovalFlow.HumanTask']")).ToHaveTextAsync("Human task");
        var nodes = page.Locator("[data-testid=activity-node]");
        var canvas = page.Locator("[data-testid=canvas]");
        await DragToolAsync(page, "Elsa.RunJavaScript", canvas, 100, 100);
        await Assertions.Expect(nodes).ToHaveCountAsync(1);

        // The script is edited in a code editor; the help text comes with each input.
        await nodes.First.Locator(".af-node-name").ClickAsync();
        var code = page.Locator("[data-testid=property-panel] [data-testid=input-script] [data-testid=code-editor]");
        await Assertions.Expect(code).ToHaveAttributeAsync("data-language", "JavaScript");
        await code.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("return 1 + 1;");
        await Assertions.Expect(code.Locator(".cm-content")).ToContainTextAsync("return 1 + 1;");

        // Copy and paste, undo and redo, delete.
        await nodes.First.Locator(".af-node-name").ClickAsync();
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Assertions.Expect(nodes).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=activity-node][data-activity-name=RunJavaScript2]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=undo]").ClickAsync();
        await Assertions.Expect(nodes).ToHaveCountAsync(1);
        await page.Locator("[data-testid=redo]").ClickAsync();
        await Assertions.Expect(nodes).ToHaveCountAsync(2);
        await page.Locator("[data-testid=activity-node][data-activity-name=RunJavaScript2] .af-node-name").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(nodes).ToHaveCountAsync(1);

        // Auto-layout, zoom and the minimap.
        await DragToolAsync(page, "Elsa.End", canvas, 120, 300);
        await ConnectAsync(page, "Elsa.RunJavaScript", "Done", "Elsa.End");
        await page.Locator("[data-testid=auto-layout]").ClickAsync();
        var script = page.Locator("[data-testid=activity-node][data-activity-type='Elsa.RunJavaScript']");
        var end = page.Locator("[data-testid=activity-node][data-activity-type='Elsa.End']");
        await Assertions.Expect(end).Not.ToHaveAttributeAsync("data-x", "0");
        Assert.True(double.Parse((await end.GetAttributeAsync("data-x"))!, CultureInfo.InvariantCulture) > double.Parse((await script.GetAttributeAsync("data-x"))!, CultureInfo.InvariantCulture), "Laid out left to right.");
        var viewport = page.Locator(".react-flow__viewport");
        var before = await viewport.GetAttributeAsync("style");
        await page.Locator(".react-flow__controls-zoomin").ClickAsync();
        await Assertions.Expect(viewport).Not.ToHaveAttributeAsync("style", before!);
        await Assertions.Expect(page.Locator(".react-flow__minimap")).ToBeVisibleAsync();
        await BrowserFixture.KeepScreenshotAsync(page, "designer-tools-english");

        // Saved as a draft, the script is in the definition.
        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=designer-status]")).ToContainTextAsync("Draft saved (version 1)");
        var definitionId = new Uri(page.Url).Segments[^1];
        using var scope = browser.App.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionAuthoring>().GetAsync(definitionId, 1, CancellationToken.None);
        Assert.Equal("return 1 + 1;", saved!.Root.Activities.Single(a => a.Type == "Elsa.RunJavaScript").Inputs["script"].Expression!.Text);
    }

    [Fact]
    public async Task An_Elsa_Studio_export_imported_through_the_page_keeps_its_layout_and_round_trips_unchanged()
    {
        var samplePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ElsaSamples", "decision-merge-join-none.json");
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(samplePath))!;
        var page = await browser.SignInAsync(Admin);
        await page.GotoAsync("/admin/workflows");
        await page.Locator("[data-testid=import-file]").SetInputFilesAsync(samplePath);
        await page.Locator("[data-testid=import]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin/workflows/b8c92c080faf734f", StringComparison.Ordinal));

        // Every activity stands where Elsa Studio put it.
        foreach (var activity in sample["root"]!["activities"]!.AsArray())
        {
            var node = page.Locator($"[data-testid=activity-node][data-activity-id='{activity!["id"]}']");
            var position = activity["metadata"]!["designer"]!["position"]!;
            await Assertions.Expect(node).ToHaveAttributeAsync("data-x", Number(position["x"]!));
            await Assertions.Expect(node).ToHaveAttributeAsync("data-y", Number(position["y"]!));
        }

        await Assertions.Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(sample["root"]!["connections"]!.AsArray().Count);
        await BrowserFixture.KeepScreenshotAsync(page, "designer-elsa-import");

        // Exported from the page: the graph is Elsa Studio's, activity for activity and connection for connection.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export]").ClickAsync());
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        var export = JsonNode.Parse(exported)!;
        Assert.True(JsonNode.DeepEquals(Sorted(sample["root"]), Sorted(export["root"])), "The exported flowchart differs from Elsa Studio's.");
        foreach (var key in new[] { "definitionId", "name", "toolVersion", "variables", "inputs", "outputs", "outcomes", "customProperties", "options" })
        {
            Assert.True(JsonNode.DeepEquals(Sorted(sample[key]), Sorted(export[key])), $"'{key}' differs after the round trip.");
        }

        // The same instant, written with .NET's round-trip format (seven decimals where Elsa wrote six).
        Assert.Equal(sample["createdAt"]!.GetValue<DateTimeOffset>(), export["createdAt"]!.GetValue<DateTimeOffset>());

        // Imported into a clean database, it comes out exactly as it went in.
        await using var clean = new AppFactory();
        var admin = await ApiSession.LoginAsync(clean, Admin);
        using (var imported = await admin.PostAsync("/api/workflow-definitions/import", new StringContent(exported, System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        Assert.Equal(exported, await admin.GetStringAsync("/api/workflow-definitions/b8c92c080faf734f"));
    }

    private static string Number(JsonNode value) => value.GetValue<double>().ToString(CultureInfo.InvariantCulture);

    /// <summary>A JSON tree with every object's properties in name order, for comparisons that ignore ordering.</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Drags a toolbox entry onto the canvas at (<paramref name="x"/>, <paramref name="y"/>) of the canvas's box.</summary>
    private static Task DragToolAsync(IPage page, string typeName, ILocator canvas, float x, float y) =>
        page.Locator($"[data-testid=tool][data-type='{typeName}']").DragToAsync(canvas, new() { TargetPosition = new() { X = x, Y = y } });

    /// <summary>Draws an arrow from an outcome port of one activity to the In port of another, with the mouse.</summary>
    private static async Task ConnectAsync(IPage page, string sourceType, string port, string targetType)
    {
        var from = await page.Locator($"[data-testid=activity-node][data-activity-type='{sourceType}'] [data-testid=port-{port}]").BoundingBoxAsync();
        var to = await page.Locator($"[data-testid=activity-node][data-activity-type='{targetType}'] [data-testid=port-In]").BoundingBoxAsync();
        await page.Mouse.MoveAsync(from!.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to!.X + (to.Width / 2), to.Y + (to.Height / 2), new() { Steps = 10 });
        await page.Mouse.UpAsync();
    }

    private async Task<int> InstanceVersionAsync(Guid proposal)
    {
        using var scope = browser.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Set<WorkflowInstanceRecord>()
            .Where(i => i.CorrelationId == proposal.ToString()).Select(i => i.DefinitionVersion).SingleAsync();
    }

    private async Task<string> InstanceIdAsync(Guid proposal)
    {
        using var scope = browser.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().Set<WorkflowInstanceRecord>()
            .Where(i => i.CorrelationId == proposal.ToString()).Select(i => i.Id).SingleAsync();
    }

    /// <summary>The open sign-off item of a proposal, with its reminder schedule.</summary>
    private async Task<(ApprovalFlow.WorkItems.WorkItem Item, List<WorkItemReminder> Reminders)> SignOffItemAsync(Guid proposal)
    {
        using var scope = browser.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.CorrelationId == proposal.ToString() && w.Form == "sign-off" && w.CompletedAt == null);
        return (item, await db.WorkItemReminders.AsNoTracking().Where(r => r.WorkItemId == item.Id).ToListAsync());
    }

    /// <summary>A request to STC alone, with STC's proposal drafted and submitted to its head through the API.</summary>
    private async Task<(Guid Request, Guid Proposal)> SubmittedProposalAsync(string number)
    {
        var reviewer = await ApiSession.LoginAsync(browser.App, "thamdinh.stttt@demo.local");
        var stc = (await reviewer.GetJsonAsync("/api/requests")).EnumerateArray().SelectMany(r => r.GetProperty("targetAgencies").EnumerateArray())
            .First(a => a.GetProperty("code").GetString() == "STC").GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var created = await reviewer.PostAsJsonAsync("/api/requests", new
        {
            number,
            date = "2022-01-28",
            subject = "đề xuất nhiệm vụ chuyển đổi số",
            planPeriod = new { from = 2022, to = 2025 },
            planYear = 2022,
            pastYears = new { from = 2020, to = 2021 },
            deadline = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
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

    private static async Task CompleteAsync(HttpClient client, Guid subject, string form, string outcome, string? comment = null)
    {
        var item = (await client.GetJsonAsync("/api/inbox")).EnumerateArray()
            .Single(i => i.GetProperty("correlationId").GetString() == subject.ToString() && i.GetProperty("form").GetString() == form).GetProperty("id").GetGuid();
        using var response = await client.PostAsJsonAsync($"/api/work-items/{item}/complete", new { outcome, comment });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
