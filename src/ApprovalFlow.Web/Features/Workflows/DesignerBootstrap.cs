using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Web.Localization;
using ApprovalFlow.Workflows.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>A choice of a picker: the value stored in the definition and the label shown.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// What the designer and instance pages embed for their script: the graph, the activity descriptors (the same list
/// <c>GET /api/activity-descriptors</c> returns), the choices of the role and agency pickers, and the script's words
/// in the page's language (the <c>Designer.*</c> resources).
/// </summary>
public sealed class DesignerBootstrap(ActivityRegistry registry, ApprovalFlowDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>The JSON of the API (camelCase, enums by name), so that the script reads one shape from both.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<string> DesignerAsync(string definitionJson, object summary, object problems, CancellationToken cancellationToken) =>
        Serialize(new
        {
            mode = "designer",
            language = Language,
            definition = JsonNode.Parse(definitionJson),
            summary,
            descriptors = Descriptors(),
            problems,
            roles = Roles.All.Select(r => new Choice(r, text[$"Inbox.Role.{r}"])),
            agencies = await AgenciesAsync(cancellationToken),
            text = Words(),
        });

    public string Viewer(InstanceDetails details) =>
        Serialize(new
        {
            mode = "viewer",
            language = Language,
            definition = JsonNode.Parse(details.DefinitionJson),
            descriptors = Descriptors(),
            visited = details.Visited,
            current = details.Current,
            taken = details.Taken,
            text = Words(),
        });

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "vi";

    private IEnumerable<ActivityDescriptor> Descriptors() => registry.All.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.TypeName, StringComparer.Ordinal);

    /// <summary>Agencies by their name today, for inputs that name one.</summary>
    private async Task<IEnumerable<Choice>> AgenciesAsync(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Profiles).ToListAsync(cancellationToken);
        return agencies.Select(a => (a, Profile: a.ProfileOn(today))).Where(x => x.Profile is not null)
            .Select(x => new Choice(x.a.Id.ToString(), $"{x.Profile!.Name} ({x.a.Code})"))
            .OrderBy(c => c.Label, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true));
    }

    private Dictionary<string, string> Words() =>
        text.GetAllStrings(includeParentCultures: true).Where(s => s.Name.StartsWith("Designer.", StringComparison.Ordinal)).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);

    /// <summary>Serialized for a <c>&lt;script type="application/json"&gt;</c>: <c>&lt;</c> is escaped, so no text can close the element.</summary>
    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);
}
