using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Model;

/// <summary>An input as Elsa writes it: <c>{"typeName": "String", "expression": {"type": "Literal", "value": "…"}}</c>.</summary>
public sealed class InputValue
{
    /// <summary>The input's CLR-ish type name as Elsa names it (<c>String</c>, <c>Boolean</c>, <c>TimeSpan</c>, …).</summary>
    public required string TypeName { get; set; }

    public WorkflowExpression? Expression { get; set; }

    /// <summary>Anything else the input object held (older exports' <c>memoryReference</c>), kept as read.</summary>
    public JsonObject Extra { get; init; } = [];

    public static InputValue Literal(string typeName, JsonNode? value) => new() { TypeName = typeName, Expression = new(ExpressionTypes.Literal, value) };
}

/// <summary>An expression: its language and its text (or, for literals, its value).</summary>
/// <param name="Type">One of <see cref="ExpressionTypes"/>.</param>
/// <param name="Value">The script, template, variable name or literal value.</param>
public sealed record WorkflowExpression(string Type, JsonNode? Value)
{
    /// <summary>The value as text: a script's source, a template, a variable's name.</summary>
    public string Text => Value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Value.ToJsonString(),
    };
}

/// <summary>The expression languages the engine evaluates.</summary>
public static class ExpressionTypes
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";
    public const string Variable = "Variable";
    public const string ObjectValue = "Object";
    public const string Json = "Json";

    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal) { Literal, JavaScript, Liquid, Variable, ObjectValue, Json };
}

/// <summary>Where an output goes: <c>{"typeName": "Object", "memoryReference": {"id": "variable or workflow output"}}</c>.</summary>
public sealed class OutputBinding
{
    public required string TypeName { get; set; }

    /// <summary>The variable's id or name, or the name of a workflow output.</summary>
    public required string Target { get; set; }

    public JsonObject Extra { get; init; } = [];
}
