using System.Net;
using System.Text.Json;
using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Web;

/// <summary>The engine inside the host: definitions imported at start-up, descriptors served, admin-only instance actions.</summary>
public sealed class WorkflowApiTests : IClassFixture<WorkflowApiTests.WithWorkflowsFolder>
{
    private readonly AppFactory app;

    public WorkflowApiTests(WithWorkflowsFolder fixture) => app = fixture.App;

    [Fact]
    public async Task Workflow_files_are_imported_and_published_at_start_up()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
        var stored = await db.Set<WorkflowDefinitionRecord>().SingleAsync(d => d.DefinitionId == "approval-sample");
        Assert.Equal((1, true), (stored.Version, stored.IsPublished));

        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var run = await runtime.StartAsync("approval-sample", "proposal-1", null, CancellationToken.None);
        Assert.Equal(ApprovalFlow.Workflows.Runtime.WorkflowStatus.Finished, run.State.Status);
    }

    [Fact]
    public async Task The_designers_toolbox_comes_from_the_activity_descriptors()
    {
        var staff = await ApiSession.LoginAsync(app, "admin@demo.local");
        var descriptors = (await staff.GetJsonAsync("/api/activity-descriptors")).EnumerateArray().ToList();

        var decision = Assert.Single(descriptors, d => d.GetProperty("typeName").GetString() == "Elsa.FlowDecision");
        Assert.Equal("Rẽ nhánh theo điều kiện", decision.GetProperty("displayName").GetProperty("vi").GetString());
        Assert.Equal(["True", "False"], decision.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("condition", decision.GetProperty("inputs")[0].GetProperty("name").GetString());
        Assert.Contains(descriptors, d => d.GetProperty("typeName").GetString() == "Elsa.FlowJoin");
    }

    [Fact]
    public async Task Only_administrators_retry_or_cancel_instances()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        using var forbidden = await staff.PostAsync("/api/workflow-instances/x/cancel", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var admin = await ApiSession.LoginAsync(app, "admin@demo.local");
        using var nothing = await admin.PostAsync("/api/workflow-instances/unknown/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
    }

    /// <summary>A host whose workflows folder holds the test's sample definition.</summary>
    public sealed class WithWorkflowsFolder : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("approvalflow-workflows-").FullName;

        public WithWorkflowsFolder()
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "workflows", "approval-sample.json"), Path.Combine(folder, "approval-sample.json"));
            App = new AppFactory { WorkflowsDir = folder };
        }

        public AppFactory App { get; }

        public void Dispose()
        {
            App.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
