using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Budget;

namespace ApprovalFlow.Proposals;

/// <summary>
/// Lists what differs between two versions of a proposal's content, field by field, so that an editor whose save
/// conflicted sees what the other person changed.
/// </summary>
public static class ProposalChanges
{

    /// <summary>The changed fields in document order, each once.</summary>
    public static IReadOnlyList<ContentChange> Between(ProposalContent before, ProposalContent after)
    {
        var left = Flatten(before);
        var right = Flatten(after);
        return left.Keys.Concat(right.Keys.Where(k => !left.ContainsKey(k)))
            .Where(path => !Equals(left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
            .Select(path => new ContentChange(path, ProposalFieldLabels.Of(path), left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
            .ToList();
    }

    private static Dictionary<string, string?> Flatten(ProposalContent content)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(JsonSerializer.SerializeToNode(content, ProposalJson.Options), "", result);
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", into);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", into);
                }

                break;
            default:
                into[path] = Display(path, node);
                break;
        }
    }

    private static string? Display(string path, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var leaf = path[(path.LastIndexOf('.') + 1)..];
        return ProposalJson.AmountFields.Contains(leaf) && value.GetValueKind() == JsonValueKind.Number
            ? Amounts.Format(value.GetValue<decimal>(), CultureInfo.CurrentUICulture)
            : value.ToString();
    }
}
