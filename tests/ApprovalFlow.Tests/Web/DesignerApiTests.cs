using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Web;

/// <summary>
/// <c>/api/workflow-definitions</c> and the designer's pages: drafts, validation on the activity concerned, publish,
/// versions and their differences, revert, import and export — for administrators only.
/// </summary>
public sealed class DesignerApiTests(DesignerApiTests.Host host) : IClassFixture<DesignerApiTests.Host>
{
    private const string Admin = "admin@demo.local";

    [Fact]
    public async Task A_draft_is_saved_validated_published_compared_and_reverted()
    {
        var admin = await ApiSession.LoginAsync(host.App, Admin);
        using var created = await admin.PostAsJsonAsync("/api/workflow-definitions", new { name = "Thử lưu nháp" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definitionId").GetString()!;

        // An unconnected line: saved as a draft all the same, with the problem on that activity.
        var graph = JsonNode.Parse(await admin.GetStringAsync($"/api/workflow-definitions/{id}"))!;
        AddActivity(graph, "start", "Elsa.Start");
        AddActivity(graph, "line", "Elsa.WriteLine", ("text", "xin chào"));
        var saved = await SendAsync(admin, HttpMethod.Put, $"/api/workflow-definitions/{id}", graph, HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        var problem = Assert.Single(saved.GetProperty("problems").EnumerateArray());
        Assert.Equal(("Unreachable", "line"), (problem.GetProperty("code").GetString(), problem.GetProperty("activityId").GetString()));
        Assert.Contains("không được nối tới", problem.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Publishing is refused with the same problem; nothing goes live.
        var refused = await SendAsync(admin, HttpMethod.Post, $"/api/workflow-definitions/{id}/versions/1/publish", null, HttpStatusCode.BadRequest);
        Assert.Equal("line", refused.GetProperty("problems")[0].GetProperty("activityId").GetString());

        // Connected, saved again (the same draft, not a new version), validated clean and published.
        Connect(graph, "start", "line");
        Assert.Equal(1, (await SendAsync(admin, HttpMethod.Put, $"/api/workflow-definitions/{id}", graph, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Empty((await SendAsync(admin, HttpMethod.Post, $"/api/workflow-definitions/{id}/validate", graph, HttpStatusCode.OK)).GetProperty("problems").EnumerateArray());
        await SendAsync(admin, HttpMethod.Post, $"/api/workflow-definitions/{id}/versions/1/publish", null, HttpStatusCode.OK);

        // Editing the published version makes version 2; the difference names the input before and after.
        graph["root"]!["activities"]![1]!["text"]!["expression"]!["value"] = "tạm biệt";
        Assert.Equal(2, (await SendAsync(admin, HttpMethod.Put, $"/api/workflow-definitions/{id}", graph, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        var change = Assert.Single((await admin.GetJsonAsync($"/api/workflow-definitions/{id}/diff?from=1&to=2")).EnumerateArray());
        Assert.Equal(("InputChanged", "text", "\"xin chào\"", "\"tạm biệt\""), (change.GetProperty("kind").GetString(), change.GetProperty("input").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));

        // Reverting to version 1 copies it into draft 3; version 1 stays the published one.
        Assert.Equal(3, (await SendAsync(admin, HttpMethod.Post, $"/api/workflow-definitions/{id}/versions/1/revert", null, HttpStatusCode.OK)).GetProperty("version").GetInt32());
        var versions = await admin.GetJsonAsync($"/api/workflow-definitions/{id}/versions");
        Assert.Equal(1, versions.GetProperty("publishedVersion").GetInt32());
        Assert.Equal([3, 2, 1], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Empty((await admin.GetJsonAsync($"/api/workflow-definitions/{id}/diff?from=1&to=3")).EnumerateArray());

        // Every change is in the audit log, by the administrator.
        using var scope = host.App.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().AuditEntries.Where(a => a.EntityId == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal(["workflow.created", "workflow.saved", "workflow.saved", "workflow.published", "workflow.saved", "workflow.reverted"], actions);
    }

    [Fact]
    public async Task Broken_or_foreign_json_is_refused_and_an_import_is_a_draft_even_of_a_published_export()
    {
        var admin = await ApiSession.LoginAsync(host.App, Admin);
        var broken = await SendRawAsync(admin, HttpMethod.Put, "/api/workflow-definitions/budget-proposal", "{ not json", HttpStatusCode.BadRequest);
        Assert.Contains("JSON", broken.GetProperty("error").GetString(), StringComparison.Ordinal);
        var request = await admin.GetStringAsync("/api/workflow-definitions/budget-request");
        await SendRawAsync(admin, HttpMethod.Put, "/api/workflow-definitions/budget-proposal", request, HttpStatusCode.BadRequest);

        // Elsa Studio's file says isPublished: imported here it is a draft until an administrator publishes it.
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ElsaSamples", "timer-workflow.json"));
        var imported = await SendRawAsync(admin, HttpMethod.Post, "/api/workflow-definitions/import", sample, HttpStatusCode.OK);
        var id = imported.GetProperty("definitionId").GetString()!;
        var versions = await admin.GetJsonAsync($"/api/workflow-definitions/{id}/versions");
        Assert.Equal(JsonValueKind.Null, versions.GetProperty("publishedVersion").ValueKind);

        using var export = await admin.GetAsync($"/api/workflow-definitions/{id}/versions/1");
        Assert.Equal($"workflow-definition-{id}-v1.json", export.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(JsonNode.Parse(await export.Content.ReadAsStringAsync())!["root"]!["activities"]!.AsArray(), a => a!["type"]!.GetValue<string>() == "Elsa.Timer");
    }

    [Fact]
    public async Task The_definitions_list_shows_versions_the_published_one_and_active_instances()
    {
        var admin = await PageSession.LoginAsync(host.App, Admin);
        var list = await admin.GetAsync("/admin/workflows");
        var proposal = list.QuerySelector("[data-testid=definition][data-definition-id=budget-proposal]")!;
        Assert.Equal("v1", proposal.QuerySelector("[data-testid=published-version]")!.TextContent.Trim());
        Assert.Equal("1", proposal.QuerySelector("[data-testid=version-count]")!.TextContent.Trim());

        // The demo data has a request letter under way: its instances count against their version.
        var request = list.QuerySelector("[data-testid=definition][data-definition-id=budget-request] [data-testid=active-instances]")!;
        Assert.StartsWith("v1:", request.TextContent.Trim(), StringComparison.Ordinal);

        var instances = await admin.GetAsync("/admin/instances?definitionId=budget-request");
        Assert.NotEmpty(instances.QuerySelectorAll("[data-testid=instance]"));
        Assert.All(instances.QuerySelectorAll("[data-testid=instance]"), row => Assert.Contains("budget-request", row.TextContent, StringComparison.Ordinal));
        var first = instances.QuerySelector("[data-testid=instance-link]")!.GetAttribute("href")!;
        var details = await admin.GetAsync(first);
        Assert.NotNull(details.QuerySelector("[data-testid=request-link]"));
        Assert.NotEmpty(details.QuerySelectorAll("[data-testid=journal-line]"));
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_incident_on_the_viewer_and_is_cancelled_from_it()
    {
        // A published workflow whose script fails, and an instance of it.
        var admin = await ApiSession.LoginAsync(host.App, Admin);
        using var created = await admin.PostAsJsonAsync("/api/workflow-definitions", new { name = "Kịch bản hỏng" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("definitionId").GetString()!;
        var graph = JsonNode.Parse(await admin.GetStringAsync($"/api/workflow-definitions/{id}"))!;
        AddActivity(graph, "start", "Elsa.Start");
        AddActivity(graph, "script", "Elsa.RunJavaScript", ("script", "throw new Error('hỏng')"));
        Connect(graph, "start", "script");
        await SendAsync(admin, HttpMethod.Put, $"/api/workflow-definitions/{id}", graph, HttpStatusCode.OK);
        await SendAsync(admin, HttpMethod.Post, $"/api/workflow-definitions/{id}/versions/1/publish", null, HttpStatusCode.OK);
        string instanceId;
        using (var scope = host.App.Services.CreateScope())
        {
            instanceId = (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(id, null, null, CancellationToken.None)).State.InstanceId;
        }

        // Listed among the faulted ones; the viewer shows the incident, where it stopped, and offers retry and cancel.
        var pages = await PageSession.LoginAsync(host.App, Admin);
        var faulted = await pages.GetAsync($"/admin/instances?faulted=true&definitionId={id}");
        Assert.Equal(instanceId, Assert.Single(faulted.QuerySelectorAll("[data-testid=instance]")).GetAttribute("data-instance-id"));
        var url = $"/admin/instances/{instanceId}";
        var viewer = await pages.GetAsync(url);
        Assert.Contains("hỏng", Assert.Single(viewer.QuerySelectorAll("[data-testid=incident]")).TextContent, StringComparison.Ordinal);
        Assert.Contains("\"current\":[\"script\"]", viewer.QuerySelector("#designer-data")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(viewer.QuerySelector("[data-testid=retry]"));

        var cancel = viewer.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.QuerySelector("[data-testid=cancel]") is not null);
        using (var cancelled = await pages.SubmitAsync(url, cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        var after = await pages.GetAsync(url);
        Assert.Equal("Đã hủy", after.QuerySelector("[data-testid=instance-status]")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("[data-testid=cancel]"));
        Assert.Equal("WorkflowCancelled", after.QuerySelectorAll("[data-testid=journal-line]")[^1].GetAttribute("data-event"));
    }

    [Theory]
    [InlineData("chuyenvien.stc@demo.local")]
    [InlineData("thamdinh.stttt@demo.local")]
    [InlineData("giamdoc.stttt@demo.local")]
    public async Task Non_administrators_get_neither_the_designer_nor_the_definitions_api(string email)
    {
        var api = await ApiSession.LoginAsync(host.App, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/workflow-definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/workflow-definitions/budget-proposal", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/workflow-definitions/budget-proposal/versions/1/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/workflow-definitions/import", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);

        // A page refuses a signed-in user by sending them to the "access denied" page.
        var pages = await PageSession.LoginAsync(host.App, email);
        foreach (var url in new[] { "/admin/workflows", "/admin/workflows/budget-proposal", "/admin/instances" })
        {
            using var response = await pages.Client.GetAsync(url);
            AssertDenied(response);
        }

        // The page's own handlers refuse too, even with a valid antiforgery token from a page the user may see.
        var home = await pages.GetAsync("/inbox");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/workflows/budget-proposal?handler=Publish&version=1");
        post.Headers.Add("RequestVerificationToken", token);
        post.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var refused = await pages.Client.SendAsync(post);
        AssertDenied(refused);
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task The_designers_writes_need_the_antiforgery_token()
    {
        var admin = await PageSession.LoginAsync(host.App, Admin);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/workflows/budget-proposal?handler=Publish&version=1") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.SendAsync(post)).StatusCode);

        var page = await admin.GetAsync("/admin/workflows/budget-proposal");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var validate = new HttpRequestMessage(HttpMethod.Post, "/admin/workflows/budget-proposal?handler=Validate");
        validate.Headers.Add("RequestVerificationToken", token);
        validate.Content = new StringContent(await ExportAsync(), Encoding.UTF8, "application/json");
        using var answer = await admin.Client.SendAsync(validate);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Empty((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetProperty("problems").EnumerateArray());
    }

    private async Task<string> ExportAsync() => await (await ApiSession.LoginAsync(host.App, Admin)).GetStringAsync("/api/workflow-definitions/budget-proposal");

    private static void AddActivity(JsonNode graph, string id, string type, params (string Input, string Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id, ["version"] = 1 };
        foreach (var (input, value) in inputs)
        {
            activity[input] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        }

        graph["root"]!["activities"]!.AsArray().Add(activity);
    }

    private static void Connect(JsonNode graph, string from, string to) =>
        graph["root"]!["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        });

    private static Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, JsonNode? body, HttpStatusCode expected) =>
        SendRawAsync(client, method, url, body?.ToJsonString() ?? "", expected);

    private static async Task<JsonElement> SendRawAsync(HttpClient client, HttpMethod method, string url, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>One host for the class: each test makes its own definitions or only reads.</summary>
    public sealed class Host : IDisposable
    {
        public AppFactory App { get; } = new();

        public void Dispose() => App.Dispose();
    }
}
