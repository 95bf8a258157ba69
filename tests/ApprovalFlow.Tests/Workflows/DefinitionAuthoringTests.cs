using ApprovalFlow.Workflows.Activities;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using static ApprovalFlow.Tests.Workflows.Flow;

namespace ApprovalFlow.Tests.Workflows;

/// <summary>
/// The designer's rules for versions, after Elsa 3: a draft no instance ran on is saved over; a published or used
/// version is never changed; a revert is a new draft; the start-up import does not undo the designer's work.
/// </summary>
public sealed class DefinitionAuthoringTests(SqliteEngineDatabase database) : IClassFixture<SqliteEngineDatabase>
{
    private static Flow Greeting(string name, string text) => new Flow(name)
        .Activity("start", "Elsa.Start")
        .Activity("wait", "Elsa.Event", ("eventName", Literal("Go")))
        .Activity("log", "Elsa.WriteLine", ("text", Literal(text)))
        .Connect("start", "wait").Connect("wait", "log");

    [Fact]
    public async Task A_draft_is_saved_over_until_published_and_then_editing_makes_a_new_version()
    {
        await using var db = database.NewContext();
        var authoring = Authoring(db);
        var id = await authoring.CreateAsync("Lời chào", default);

        var draft = Greeting(id, "một").Build();
        Assert.Equal((1, false), Summary(await authoring.SaveDraftAsync(draft, default)));
        Assert.Equal((1, false), Summary(await authoring.SaveDraftAsync(Greeting(id, "hai").Build(), default)));
        Assert.Equal("hai", Text(await authoring.GetAsync(id, 1, default)));

        Assert.Empty(await database.Definitions(db).PublishAsync(id, 1, default));
        Assert.Equal((2, true), Summary(await authoring.SaveDraftAsync(Greeting(id, "ba").Build(), default)));
        Assert.Equal("hai", Text(await authoring.GetAsync(id, 1, default)));

        var summary = await authoring.FindAsync(id, default);
        Assert.Equal((2, 1), (summary!.LatestVersion, summary.PublishedVersion));
    }

    [Fact]
    public async Task A_draft_an_instance_ran_on_is_not_saved_over()
    {
        await using var db = database.NewContext();
        var authoring = Authoring(db);
        var id = await authoring.CreateAsync("Đang chạy", default);
        await authoring.SaveDraftAsync(Greeting(id, "một").Build(), default);
        Assert.Empty(await database.Definitions(db).PublishAsync(id, 1, default));
        await database.Runtime(db).StartAsync(id, "p-1", null, default);

        // Withdrawn, version 1 is no longer published but its instance still runs on it.
        await database.Definitions(db).RetractAsync(id, default);
        Assert.Equal((2, true), Summary(await authoring.SaveDraftAsync(Greeting(id, "hai").Build(), default)));
        Assert.Equal("một", Text(await authoring.GetAsync(id, 1, default)));
        Assert.Equal(1, (await authoring.FindAsync(id, default))!.Versions.Single(v => v.Version == 1).ActiveInstances);
    }

    [Fact]
    public async Task A_revert_copies_an_old_version_into_a_new_draft_and_publishes_nothing()
    {
        await using var db = database.NewContext();
        var authoring = Authoring(db);
        var id = await authoring.CreateAsync("Khôi phục", default);
        await authoring.SaveDraftAsync(Greeting(id, "một").Build(), default);
        await database.Definitions(db).PublishAsync(id, 1, default);
        await authoring.SaveDraftAsync(Greeting(id, "hai").Build(), default);
        await database.Definitions(db).PublishAsync(id, 2, default);

        Assert.Equal(3, await authoring.RevertAsync(id, 1, default));
        Assert.Null(await authoring.RevertAsync(id, 9, default));
        var reverted = await authoring.GetAsync(id, null, default);
        Assert.Equal((3, "một", false), (reverted!.Version, Text(reverted), reverted.IsPublished));
        Assert.Equal(2, (await authoring.FindAsync(id, default))!.PublishedVersion);
    }

    [Fact]
    public async Task The_start_up_import_of_an_unchanged_file_does_not_undo_what_the_designer_published()
    {
        var file = WorkflowJson.Write(Publishable(Greeting("from-file", "tệp").Build()));
        await using var db = database.NewContext();
        var store = database.Definitions(db);
        Assert.Equal(ImportStatus.Created, (await store.ImportAsync(file, default)).Status);

        var authoring = Authoring(db);
        Assert.Equal((2, true), Summary(await authoring.SaveDraftAsync(Greeting("from-file", "người quản trị").Build(), default)));
        Assert.Empty(await store.PublishAsync("from-file", 2, default));

        // The next start-up reads the same file: nothing changes.
        Assert.Equal(ImportStatus.Unchanged, (await store.ImportAsync(file, default)).Status);
        Assert.Equal("người quản trị", Text((await store.FindPublishedAsync("from-file", default))!));
    }

    [Fact]
    public void The_difference_between_versions_names_activities_inputs_and_connections()
    {
        var before = Greeting("diff", "một").Build();
        var after = Greeting("diff", "hai").Activity("end", "Elsa.End").Connect("log", "end").Build();
        after.Root.Activities.Single(a => a.Id == "wait").Name = "Chờ lệnh";
        after.Root.Activities.Single(a => a.Id == "log").Metadata["designer"] = new System.Text.Json.Nodes.JsonObject { ["position"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 500, ["y"] = 20 } };

        var changes = WorkflowDiff.Compare(before, after);

        Assert.Equal(
            [
                (DefinitionChangeKind.ActivityRenamed, "wait", null, "wait", "Chờ lệnh"),
                (DefinitionChangeKind.InputChanged, "log", "text", "\"một\"", "\"hai\""),
                (DefinitionChangeKind.ActivityAdded, "end", null, null, "Elsa.End"),
                (DefinitionChangeKind.ConnectionAdded, "log", "Done", null, "log —Done→ end"),
            ],
            changes.Select(c => (c.Kind, c.ActivityId, c.Input, c.Before, c.After)));
    }

    private WorkflowDefinitionAuthoring Authoring(ApprovalFlow.Data.ApprovalFlowDbContext db) =>
        new(db, new WorkflowValidator(ActivityRegistry.CreateDefault()), new DefinitionCache(), database.Clock);

    private static WorkflowDefinition Publishable(WorkflowDefinition definition)
    {
        definition.IsPublished = true;
        return definition;
    }

    private static (int Version, bool NewVersion) Summary(DraftSaveResult? result) => (result!.Version, result.NewVersion);

    private static string Text(WorkflowDefinition? definition) => definition!.Root.Activities.Single(a => a.Id == "log").Inputs["text"].Expression!.Text;
}
