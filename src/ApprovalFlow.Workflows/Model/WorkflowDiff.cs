namespace ApprovalFlow.Workflows.Model;

/// <summary>The kinds of <see cref="DefinitionChange"/>.</summary>
public enum DefinitionChangeKind
{
    /// <summary>The workflow's name changed.</summary>
    Renamed,

    ActivityAdded,

    ActivityRemoved,

    /// <summary>An activity's designer name changed.</summary>
    ActivityRenamed,

    /// <summary>An input's expression changed (<see cref="DefinitionChange.Input"/> names it).</summary>
    InputChanged,

    ConnectionAdded,

    ConnectionRemoved,
}

/// <summary>One difference between two versions, worded with the values before and after.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="ActivityId">The activity concerned (the source for a connection); null for the workflow.</param>
/// <param name="ActivityName">Its designer name in the newer version (the older one when removed).</param>
/// <param name="Input">The input, for <see cref="DefinitionChangeKind.InputChanged"/>; the outcome port, for a connection.</param>
/// <param name="Before">The value before: an expression (<c>JavaScript: …</c> for scripts), a name, or a connection.</param>
/// <param name="After">The value after.</param>
public sealed record DefinitionChange(DefinitionChangeKind Kind, string? ActivityId, string? ActivityName, string? Input, string? Before, string? After);

/// <summary>
/// What differs between two versions of a definition, as an administrator reads it: activities, their inputs and the
/// arrows between them. Positions on the canvas are left out: moving a box changes nothing that runs.
/// </summary>
public static class WorkflowDiff
{
    /// <summary>Vietnamese as it is written: the values are for people, and every page encodes what it shows.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        var changes = new List<DefinitionChange>();
        if (from.Name != to.Name)
        {
            changes.Add(new(DefinitionChangeKind.Renamed, null, null, null, from.Name, to.Name));
        }

        var before = from.ActivitiesById();
        var after = to.ActivitiesById();
        foreach (var activity in to.Root.Activities)
        {
            if (!before.TryGetValue(activity.Id, out var old))
            {
                changes.Add(new(DefinitionChangeKind.ActivityAdded, activity.Id, activity.Name, null, null, activity.Type));
                continue;
            }

            if (old.Name != activity.Name)
            {
                changes.Add(new(DefinitionChangeKind.ActivityRenamed, activity.Id, activity.Name, null, old.Name, activity.Name));
            }

            foreach (var input in old.Inputs.Keys.Union(activity.Inputs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var was = Describe(old.Inputs.GetValueOrDefault(input));
                var now = Describe(activity.Inputs.GetValueOrDefault(input));
                if (was != now)
                {
                    changes.Add(new(DefinitionChangeKind.InputChanged, activity.Id, activity.Name, input, was, now));
                }
            }
        }

        changes.AddRange(from.Root.Activities.Where(a => !after.ContainsKey(a.Id))
            .Select(a => new DefinitionChange(DefinitionChangeKind.ActivityRemoved, a.Id, a.Name, null, a.Type, null)));

        var arrowsBefore = from.Root.Connections.Select(Arrow).ToHashSet();
        var arrowsAfter = to.Root.Connections.Select(Arrow).ToHashSet();
        changes.AddRange(arrowsAfter.Where(a => !arrowsBefore.Contains(a))
            .Select(a => new DefinitionChange(DefinitionChangeKind.ConnectionAdded, a.Source, NameOf(a.Source, after, before), a.Port, null, Describe(a, after))));
        changes.AddRange(arrowsBefore.Where(a => !arrowsAfter.Contains(a))
            .Select(a => new DefinitionChange(DefinitionChangeKind.ConnectionRemoved, a.Source, NameOf(a.Source, after, before), a.Port, Describe(a, before), null)));
        return changes;
    }

    private static (string Source, string Port, string Target) Arrow(Connection c) => (c.Source.Activity, c.Source.Port, c.Target.Activity);

    private static string? NameOf(string id, IReadOnlyDictionary<string, ActivityNode> first, IReadOnlyDictionary<string, ActivityNode> second) =>
        (first.GetValueOrDefault(id) ?? second.GetValueOrDefault(id))?.Name;

    private static string Describe((string Source, string Port, string Target) arrow, IReadOnlyDictionary<string, ActivityNode> activities) =>
        $"{activities.GetValueOrDefault(arrow.Source)?.Name ?? arrow.Source} —{arrow.Port}→ {activities.GetValueOrDefault(arrow.Target)?.Name ?? arrow.Target}";

    /// <summary>An input as one line: the literal's JSON, or the language and the script.</summary>
    private static string? Describe(InputValue? input) => input?.Expression switch
    {
        null => null,
        { Type: ExpressionTypes.Literal } literal => literal.Value?.ToJsonString(Readable) ?? "null",
        var expression => $"{expression.Type}: {expression.Text}",
    };
}
