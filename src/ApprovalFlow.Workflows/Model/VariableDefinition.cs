using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Model;

/// <summary>A workflow variable: <c>{"id", "name", "typeName", "value"}</c>.</summary>
public sealed class VariableDefinition
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string TypeName { get; set; } = "Object";

    /// <summary>The initial value.</summary>
    public JsonNode? Value { get; set; }

    /// <summary>Anything else (<c>storageDriverTypeName</c>, …), kept as read.</summary>
    public JsonObject Extra { get; init; } = [];
}
