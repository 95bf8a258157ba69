using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Model;

/// <summary>
/// One version of a workflow definition, in Elsa 3's model: a stable <see cref="DefinitionId"/> shared by all
/// versions, a flowchart root, and the variables its activities read and write.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>This version's id.</summary>
    public required string Id { get; set; }

    /// <summary>The id every version of the same workflow shares.</summary>
    public required string DefinitionId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; } = 1;

    public bool IsLatest { get; set; } = true;

    public bool IsPublished { get; set; }

    public List<VariableDefinition> Variables { get; init; } = [];

    /// <summary>The root flowchart (<c>Elsa.Flowchart</c>).</summary>
    public required ActivityNode Root { get; set; }

    /// <summary>
    /// Everything else Elsa writes at the top level (<c>toolVersion</c>, <c>inputs</c>, <c>outputs</c>,
    /// <c>options</c>, …): kept as read, so that an import followed by an export loses nothing.
    /// </summary>
    public JsonObject Extra { get; init; } = [];

    /// <summary>Every activity of the root flowchart, by id.</summary>
    public IReadOnlyDictionary<string, ActivityNode> ActivitiesById() => Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
}
