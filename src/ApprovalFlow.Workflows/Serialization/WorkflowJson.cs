using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Model;

namespace ApprovalFlow.Workflows.Serialization;

/// <summary>
/// Reads and writes workflow definitions in Elsa 3's JSON shape. Writing is deterministic (a fixed key order, then
/// whatever else was read, in its order), so that export → import → export gives the same bytes.
/// </summary>
public static class WorkflowJson
{
    /// <summary>The <c>$schema</c> Elsa's exporter writes.</summary>
    public const string Schema = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    private static readonly string[] TopLevelKeys = ["$schema", "id", "definitionId", "name", "description", "createdAt", "version", "variables", "isLatest", "isPublished", "root"];
    private static readonly string[] ActivityKeys = ["id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities", "connections", "variables"];

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a definition; <see cref="WorkflowFormatException"/> says what is wrong with a malformed one.</summary>
    public static WorkflowDefinition Read(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new WorkflowFormatException($"The file is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }

        if (node is not JsonObject root)
        {
            throw new WorkflowFormatException("A workflow definition is a JSON object.");
        }

        try
        {
            return ReadDefinition(root);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // A value of the wrong kind, e.g. "version": "two".
            throw new WorkflowFormatException($"A value has the wrong type: {ex.Message}", ex);
        }
    }

    private static WorkflowDefinition ReadDefinition(JsonObject root)
    {
        var definition = new WorkflowDefinition
        {
            Id = RequiredString(root, "id", "the definition"),
            DefinitionId = RequiredString(root, "definitionId", "the definition"),
            Name = root["name"]?.GetValue<string>() ?? "",
            Description = root["description"]?.GetValue<string>(),
            CreatedAt = root["createdAt"] is { } created ? DateTimeOffset.Parse(created.GetValue<string>(), CultureInfo.InvariantCulture) : default,
            Version = root["version"]?.GetValue<int>() ?? 1,
            IsLatest = root["isLatest"]?.GetValue<bool>() ?? true,
            IsPublished = root["isPublished"]?.GetValue<bool>() ?? false,
            Root = root["root"] is JsonObject flowchart ? ReadActivity(flowchart) : throw new WorkflowFormatException("The definition has no 'root' flowchart."),
            Extra = Rest(root, TopLevelKeys),
        };
        if (root["variables"] is JsonArray variables)
        {
            definition.Variables.AddRange(variables.OfType<JsonObject>().Select(ReadVariable));
        }

        return definition;
    }

    /// <summary>Writes a definition in Elsa 3's shape, indented, with its <c>$schema</c>.</summary>
    public static string Write(WorkflowDefinition definition)
    {
        var root = new JsonObject
        {
            ["$schema"] = Schema,
            ["id"] = definition.Id,
            ["definitionId"] = definition.DefinitionId,
            ["name"] = definition.Name,
        };
        if (definition.Description is not null)
        {
            root["description"] = definition.Description;
        }

        root["createdAt"] = definition.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        root["version"] = definition.Version;
        root["variables"] = new JsonArray([.. definition.Variables.Select(WriteVariable)]);
        root["isLatest"] = definition.IsLatest;
        root["isPublished"] = definition.IsPublished;
        AddRest(root, definition.Extra);
        root["root"] = WriteActivity(definition.Root);
        return root.ToJsonString(WriteOptions);
    }

    private static ActivityNode ReadActivity(JsonObject obj)
    {
        var id = RequiredString(obj, "id", "an activity");
        var node = new ActivityNode
        {
            Id = id,
            Type = RequiredString(obj, "type", $"activity '{id}'"),
            Name = obj["name"]?.GetValue<string>(),
            NodeId = obj["nodeId"]?.GetValue<string>(),
            Version = obj["version"]?.GetValue<int>() ?? 1,
            CustomProperties = obj["customProperties"] is JsonObject custom ? (JsonObject)custom.DeepClone() : [],
            Metadata = obj["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : [],
            FlowchartVariables = obj["variables"] is JsonArray vars ? (JsonArray)vars.DeepClone() : null,
        };

        if (obj["activities"] is JsonArray children)
        {
            node.Activities.AddRange(children.OfType<JsonObject>().Select(ReadActivity));
        }

        if (obj["connections"] is JsonArray connections)
        {
            node.Connections.AddRange(connections.OfType<JsonObject>().Select(c => ReadConnection(c, id)));
        }

        foreach (var (key, value) in obj.Where(p => !ActivityKeys.Contains(p.Key)))
        {
            if (value is JsonObject input && input["typeName"] is JsonValue typeName && input.ContainsKey("expression"))
            {
                node.Inputs[key] = new InputValue
                {
                    TypeName = typeName.GetValue<string>(),
                    Expression = input["expression"] is JsonObject e
                        ? new WorkflowExpression(e["type"]?.GetValue<string>() ?? ExpressionTypes.Literal, e["value"]?.DeepClone())
                        : null,
                    Extra = Rest(input, ["typeName", "expression"]),
                };
            }
            else if (value is JsonObject output && output["typeName"] is JsonValue outputType && output["memoryReference"]?["id"] is JsonValue target)
            {
                node.Outputs[key] = new OutputBinding { TypeName = outputType.GetValue<string>(), Target = target.GetValue<string>(), Extra = Rest(output, ["typeName", "memoryReference"]) };
            }
            else
            {
                node.Extra[key] = value?.DeepClone();
            }
        }

        return node;
    }

    private static JsonObject WriteActivity(ActivityNode node)
    {
        var obj = new JsonObject { ["id"] = node.Id };
        if (node.NodeId is not null)
        {
            obj["nodeId"] = node.NodeId;
        }

        obj["name"] = node.Name;
        obj["type"] = node.Type;
        obj["version"] = node.Version;
        obj["customProperties"] = node.CustomProperties.DeepClone();
        obj["metadata"] = node.Metadata.DeepClone();
        foreach (var (name, input) in node.Inputs)
        {
            var value = new JsonObject { ["typeName"] = input.TypeName };
            value["expression"] = input.Expression is null ? null : new JsonObject { ["type"] = input.Expression.Type, ["value"] = input.Expression.Value?.DeepClone() };
            AddRest(value, input.Extra);
            obj[name] = value;
        }

        foreach (var (name, output) in node.Outputs)
        {
            var value = new JsonObject { ["typeName"] = output.TypeName, ["memoryReference"] = new JsonObject { ["id"] = output.Target } };
            AddRest(value, output.Extra);
            obj[name] = value;
        }

        AddRest(obj, node.Extra);
        if (node.Type == "Elsa.Flowchart")
        {
            obj["activities"] = new JsonArray([.. node.Activities.Select(WriteActivity)]);
            obj["variables"] = node.FlowchartVariables?.DeepClone() ?? new JsonArray();
            obj["connections"] = new JsonArray([.. node.Connections.Select(WriteConnection)]);
        }

        return obj;
    }

    private static Connection ReadConnection(JsonObject obj, string flowchartId)
    {
        Endpoint End(string side) => obj[side] is JsonObject end
            ? new Endpoint(RequiredString(end, "activity", $"a connection of '{flowchartId}'"), end["port"]?.GetValue<string>() ?? (side == "target" ? "In" : "Done"))
            : throw new WorkflowFormatException($"A connection of '{flowchartId}' has no '{side}'.");
        return new Connection { Source = End("source"), Target = End("target"), Extra = Rest(obj, ["source", "target"]) };
    }

    private static JsonObject WriteConnection(Connection connection)
    {
        var obj = new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = connection.Source.Activity, ["port"] = connection.Source.Port },
            ["target"] = new JsonObject { ["activity"] = connection.Target.Activity, ["port"] = connection.Target.Port },
        };
        AddRest(obj, connection.Extra);
        return obj;
    }

    private static VariableDefinition ReadVariable(JsonObject obj) => new()
    {
        Id = obj["id"]?.GetValue<string>() ?? RequiredString(obj, "name", "a variable"),
        Name = RequiredString(obj, "name", "a variable"),
        TypeName = obj["typeName"]?.GetValue<string>() ?? "Object",
        Value = obj["value"]?.DeepClone(),
        Extra = Rest(obj, ["id", "name", "typeName", "value"]),
    };

    private static JsonObject WriteVariable(VariableDefinition variable)
    {
        var obj = new JsonObject { ["id"] = variable.Id, ["name"] = variable.Name, ["typeName"] = variable.TypeName };
        if (variable.Value is not null)
        {
            obj["value"] = variable.Value.DeepClone();
        }

        AddRest(obj, variable.Extra);
        return obj;
    }

    private static string RequiredString(JsonObject obj, string key, string what) =>
        obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new WorkflowFormatException($"'{key}' is missing from {what}.");

    private static JsonObject Rest(JsonObject obj, IEnumerable<string> known)
    {
        var skip = known.ToHashSet(StringComparer.Ordinal);
        var rest = new JsonObject();
        foreach (var (key, value) in obj.Where(p => !skip.Contains(p.Key)))
        {
            rest[key] = value?.DeepClone();
        }

        return rest;
    }

    private static void AddRest(JsonObject into, JsonObject rest)
    {
        foreach (var (key, value) in rest.Where(p => !into.ContainsKey(p.Key)))
        {
            into[key] = value?.DeepClone();
        }
    }
}
