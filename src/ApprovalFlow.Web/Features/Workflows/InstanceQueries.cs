using System.Text.Json.Nodes;
using ApprovalFlow.Data;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Runtime;
using ApprovalFlow.Workflows.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>The instance list's filters, as the page's query string and the API's parameters name them.</summary>
public sealed record InstanceFilter(string? DefinitionId, WorkflowStatus? Status, Guid? RequestId, Guid? AgencyId, bool Faulted)
{
    /// <summary>At most this many instances are listed, newest first: filters narrow it down.</summary>
    public const int Limit = 200;
}

/// <summary>
/// A row of the instance list: what it runs, where it stands, what it is about — the proposal when its correlation is
/// one, and the request letter and agency directly or through that proposal.
/// </summary>
public sealed record InstanceRow(
    string Id, string DefinitionId, int DefinitionVersion, WorkflowStatus Status, string? CorrelationId, Guid? ProposalId, Guid? RequestId, Guid? AgencyId,
    int OpenIncidents, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A journal line as the viewer shows it.</summary>
public sealed record JournalLine(long Sequence, string? ActivityId, string? ActivityType, string Event, DateTimeOffset Timestamp, string? Payload);

/// <summary>An incident of an instance, open until a retry or a cancel resolves it.</summary>
public sealed record IncidentLine(long Id, string ActivityId, string ActivityType, string Message, DateTimeOffset Timestamp, DateTimeOffset? ResolvedAt);

/// <summary>
/// Everything the instance viewer shows: the row, the definition version it runs on (Elsa JSON), the activities
/// it went through and the connections it took, where it waits now, its variables, journal and incidents.
/// </summary>
public sealed record InstanceDetails(
    InstanceRow Instance,
    string DefinitionJson,
    IReadOnlyList<string> Visited,
    IReadOnlyList<TakenConnection> Taken,
    IReadOnlyList<string> Current,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyList<JournalLine> Journal,
    IReadOnlyList<IncidentLine> Incidents);

/// <summary>A connection an instance went along: from <paramref name="Source"/> by <paramref name="Port"/> to <paramref name="Target"/>.</summary>
public sealed record TakenConnection(string Source, string Port, string Target);

/// <summary>Reads instances for administrators: the filtered list and one instance's details.</summary>
public sealed class InstanceQueries(ApprovalFlowDbContext db, WorkflowRuntime runtime)
{
    public async Task<IReadOnlyList<InstanceRow>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Set<WorkflowInstanceRecord>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.DefinitionId))
        {
            query = query.Where(i => i.DefinitionId == filter.DefinitionId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.Faulted)
        {
            query = query.Where(i => db.Set<IncidentRecord>().Any(x => x.InstanceId == i.Id && x.ResolvedAt == null));
        }

        if (filter.RequestId is not null || filter.AgencyId is not null)
        {
            // Instances are correlated by the proposal's or the request's id, as text.
            var proposals = db.Proposals.AsQueryable();
            proposals = filter.RequestId is { } request ? proposals.Where(p => p.RequestId == request) : proposals;
            proposals = filter.AgencyId is { } agency ? proposals.Where(p => p.AgencyId == agency) : proposals;
            var correlations = (await proposals.Select(p => p.Id).ToListAsync(cancellationToken)).Select(id => id.ToString()).ToList();
            if (filter.RequestId is { } requestId && filter.AgencyId is null)
            {
                correlations.Add(requestId.ToString());
            }

            query = query.Where(i => i.CorrelationId != null && correlations.Contains(i.CorrelationId));
        }

        // SQLite cannot order by a DateTimeOffset: the newest are picked here, from their ids and start times alone.
        var newest = (await query.Select(i => new { i.Id, i.CreatedAt }).ToListAsync(cancellationToken))
            .OrderByDescending(i => i.CreatedAt).Take(InstanceFilter.Limit).Select(i => i.Id).ToList();
        var rows = (await db.Set<WorkflowInstanceRecord>().AsNoTracking().Where(i => newest.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId, i.DefinitionVersion, i.Status, i.CorrelationId, i.CreatedAt, i.UpdatedAt })
            .ToListAsync(cancellationToken)).OrderByDescending(i => i.CreatedAt).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var incidents = await db.Set<IncidentRecord>().AsNoTracking().Where(x => ids.Contains(x.InstanceId) && x.ResolvedAt == null)
            .GroupBy(x => x.InstanceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var about = await SubjectsAsync(rows.Select(r => r.CorrelationId), cancellationToken);
        return
        [
            .. rows.Select(r =>
            {
                var subject = r.CorrelationId is null ? default : about.GetValueOrDefault(r.CorrelationId);
                return new InstanceRow(r.Id, r.DefinitionId, r.DefinitionVersion, r.Status, r.CorrelationId, subject.Proposal, subject.Request, subject.Agency, incidents.GetValueOrDefault(r.Id), r.CreatedAt, r.UpdatedAt);
            }),
        ];
    }

    public async Task<InstanceDetails?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (record is null || await runtime.StateAsync(id, cancellationToken) is not { } state)
        {
            return null;
        }

        var definition = await db.Set<WorkflowDefinitionRecord>().AsNoTracking().Where(d => d.Id == record.DefinitionVersionId).Select(d => d.Json).SingleAsync(cancellationToken);
        var journal = await runtime.JournalAsync(id, cancellationToken);
        var incidents = await db.Set<IncidentRecord>().AsNoTracking().Where(x => x.InstanceId == id).OrderBy(x => x.Id)
            .Select(x => new IncidentLine(x.Id, x.ActivityId, x.ActivityType, x.Message, x.Timestamp, x.ResolvedAt)).ToListAsync(cancellationToken);
        var subject = record.CorrelationId is null ? default : (await SubjectsAsync([record.CorrelationId], cancellationToken)).GetValueOrDefault(record.CorrelationId);
        var row = new InstanceRow(record.Id, record.DefinitionId, record.DefinitionVersion, record.Status, record.CorrelationId, subject.Proposal, subject.Request, subject.Agency,
            incidents.Count(x => x.ResolvedAt is null), record.CreatedAt, record.UpdatedAt);

        var visited = journal.Where(j => j.ActivityId is not null && j.Event is JournalEvents.Executed or JournalEvents.Suspended or JournalEvents.Resumed or JournalEvents.Faulted)
            .Select(j => j.ActivityId!).Distinct(StringComparer.Ordinal).ToList();
        var current = state.Bookmarks.Select(b => b.ActivityId).Concat(state.FaultedStep is { } faulted ? [faulted.ActivityId] : []).Distinct(StringComparer.Ordinal).ToList();
        return new InstanceDetails(
            row, definition, visited, Taken(definition, journal), current, state.Variables,
            [.. journal.Select(j => new JournalLine(j.Sequence, j.ActivityId, j.ActivityType, j.Event, j.Timestamp, j.PayloadJson))],
            incidents);
    }

    /// <summary>
    /// The connections the instance went along: an activity's outcomes (from its <c>Executed</c> line, or the outcome a
    /// resume gave) lead along the connections from those ports to activities that ran afterwards.
    /// </summary>
    private static List<TakenConnection> Taken(string definitionJson, List<JournalRecord> journal)
    {
        var connections = WorkflowJson.Read(definitionJson).Root.Connections;
        var taken = new List<TakenConnection>();
        for (var i = 0; i < journal.Count; i++)
        {
            var line = journal[i];
            var outcomes = OutcomesOf(line);
            if (line.ActivityId is null || outcomes.Count == 0)
            {
                continue;
            }

            var later = journal.Skip(i + 1).Where(j => j.ActivityId is not null).Select(j => j.ActivityId!).ToHashSet(StringComparer.Ordinal);
            taken.AddRange(connections
                .Where(c => c.Source.Activity == line.ActivityId && outcomes.Contains(c.Source.Port) && later.Contains(c.Target.Activity))
                .Select(c => new TakenConnection(c.Source.Activity, c.Source.Port, c.Target.Activity)));
        }

        return [.. taken.Distinct()];
    }

    private static HashSet<string> OutcomesOf(JournalRecord line)
    {
        if (line.PayloadJson is null || line.Event is not (JournalEvents.Executed or JournalEvents.Resumed))
        {
            return [];
        }

        var payload = JsonNode.Parse(line.PayloadJson);
        return payload?["outcomes"] is JsonArray outcomes
            ? outcomes.Select(o => o?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : payload?["outcome"] is JsonValue outcome && outcome.TryGetValue<string>(out var single) ? [single] : [];
    }

    /// <summary>For correlations that are proposal or request ids: the proposal, its request and its agency.</summary>
    private async Task<Dictionary<string, (Guid? Proposal, Guid? Request, Guid? Agency)>> SubjectsAsync(IEnumerable<string?> correlations, CancellationToken cancellationToken)
    {
        var ids = correlations.Select(c => Guid.TryParse(c, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.RequestId, p.AgencyId }).ToListAsync(cancellationToken);
        var requests = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        var subjects = new Dictionary<string, (Guid?, Guid?, Guid?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in proposals)
        {
            subjects[p.Id.ToString()] = (p.Id, p.RequestId, p.AgencyId);
        }

        foreach (var r in requests)
        {
            subjects[r.ToString()] = (null, r, null);
        }

        return subjects;
    }
}
