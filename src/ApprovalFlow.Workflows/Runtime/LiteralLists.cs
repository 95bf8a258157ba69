using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Workflows.Model;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>Reads a list input written as a literal, to know an activity's ports before it runs.</summary>
internal static class LiteralLists
{
    /// <summary>The labels of the list: strings as they are, objects by their <c>label</c> (or <c>name</c>).</summary>
    public static IEnumerable<string> Labels(ActivityNode node, string input)
    {
        if (node.Inputs.GetValueOrDefault(input)?.Expression is not { Type: ExpressionTypes.Literal or ExpressionTypes.ObjectValue or ExpressionTypes.Json } expression)
        {
            return [];
        }

        try
        {
            var list = expression.Value as JsonArray ?? JsonNode.Parse(expression.Text) as JsonArray;
            return list is null ? [] : list.Select(item => item switch
            {
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                JsonObject obj => (obj["label"] ?? obj["Label"] ?? obj["name"])?.GetValue<string>(),
                _ => null,
            }).OfType<string>().ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
