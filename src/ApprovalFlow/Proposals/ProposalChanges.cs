using System.Globalization;
using System.Resources;
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
    private static readonly ResourceManager Labels = new("ApprovalFlow.Proposals.FieldLabels", typeof(ProposalChanges).Assembly);
    private static readonly HashSet<string> AmountFields = ["total", "planYearNeed", "allocatedThisYear", "amount"];

    /// <summary>The changed fields in document order, each once.</summary>
    public static IReadOnlyList<ContentChange> Between(ProposalContent before, ProposalContent after)
    {
        var left = Flatten(before);
        var right = Flatten(after);
        return left.Keys.Concat(right.Keys.Where(k => !left.ContainsKey(k)))
            .Where(path => !Equals(left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
            .Select(path => new ContentChange(path, LabelOf(path), left.GetValueOrDefault(path), right.GetValueOrDefault(path)))
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
        return AmountFields.Contains(leaf) && value.GetValueKind() == JsonValueKind.Number
            ? Amounts.Format(value.GetValue<decimal>(), CultureInfo.CurrentUICulture)
            : value.ToString();
    }

    /// <summary>"tasks[1].yearSplit[0].amount" → "Nhiệm vụ 2 › Phân bổ năm, dòng 1 › Số tiền".</summary>
    private static string LabelOf(string path) =>
        string.Join(" › ", path.Split('.').Select(segment =>
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                return Label(segment);
            }

            var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            return string.Format(CultureInfo.CurrentCulture, Label(segment[..bracket] + "Item"), index + 1);
        }));

    private static string Label(string key) => Labels.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
