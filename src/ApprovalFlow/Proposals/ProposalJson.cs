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
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(ProposalContent content) => JsonSerializer.Serialize(content, Options);

    public static ProposalContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ProposalContent>(json, Options) ?? new ProposalContent();

    /// <summary>A deep copy, so that a snapshot never shares lists with the live content.</summary>
    public static ProposalContent Clone(ProposalContent content) => Deserialize(Serialize(content));
}
