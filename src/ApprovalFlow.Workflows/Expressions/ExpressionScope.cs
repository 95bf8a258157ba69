using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Expressions;

/// <summary>
/// What an expression sees. In JavaScript: <c>getVariable(name)</c>, <c>setVariable(name, value)</c>, an accessor pair
/// <c>getX()</c>/<c>setX(value)</c> per variable X, <c>workflowInstanceId</c>, <c>correlationId</c> and <c>input</c>.
/// In Liquid: <c>Variables.X</c>, <c>WorkflowInstanceId</c>, <c>CorrelationId</c> and <c>Input</c>.
/// </summary>
public sealed class ExpressionScope(IDictionary<string, JsonNode?> variables)
{
    /// <summary>The instance's variables; a script's <c>setVariable</c> writes here.</summary>
    public IDictionary<string, JsonNode?> Variables { get; } = variables;

    public string? WorkflowInstanceId { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>The input the current run received (a resume's input, or the start input).</summary>
    public JsonNode? Input { get; init; }
}
