using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalFlow.Proposals;

/// <summary>The one JSON shape of proposal content: in the database, in the API and in revision snapshots.</summary>
public static class ProposalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Stored text stays readable Vietnamese rather than \u-escaped; HTML encoding is the views' job.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // An amount is a JSON number: "160" in quotes is refused rather than guessed at.
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ProposalContent content) => JsonSerializer.Serialize(content, Options);

    public static ProposalContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ProposalContent>(json, Options) ?? new ProposalContent();

    /// <summary>A deep copy, so that a snapshot never shares lists with the live content.</summary>
    public static ProposalContent Clone(ProposalContent content) => Deserialize(Serialize(content));

    /// <summary>The names of the content's amount fields, wherever they stand (tasks, splits, funds).</summary>
    public static IReadOnlySet<string> AmountFields { get; } = new HashSet<string>(StringComparer.Ordinal) { "total", "planYearNeed", "allocatedThisYear", "amount" };
}
