using System.Text;
using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Web.Localization;
using ApprovalFlow.Workflows.Model;
using ApprovalFlow.Workflows.Persistence;
using ApprovalFlow.Workflows.Serialization;
using ApprovalFlow.Workflows.Validation;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Workflows;

/// <summary>A validation problem as the designer shows it: on the activity concerned, in the page's language.</summary>
public sealed record ProblemDto(string Code, string? ActivityId, string? ActivityName, string Message);

/// <summary>What a designer action answers: the version it concerns, the problems it found, and a refusal if it did nothing.</summary>
/// <param name="Version">The version written, published or reverted to.</param>
/// <param name="Problems">What stops (or would stop) a publish.</param>
/// <param name="Error">Why nothing was done (broken JSON, another definition's id); null when it was.</param>
/// <param name="DefinitionId">The definition concerned (an import may name another).</param>
public sealed record DesignerResult(int? Version, IReadOnlyList<ProblemDto> Problems, string? Error = null, string? DefinitionId = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Every action of the designer, shared by its page and the <c>/api/workflow-definitions</c> API: parse, validate,
/// save, publish, revert, import, export; each change audited in the transaction that makes it. Callers have
/// checked that the actor is an administrator.
/// </summary>
public sealed class DefinitionDesk(
    ApprovalFlowDbContext db, WorkflowDefinitionAuthoring authoring, WorkflowDefinitionStore store, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken) => authoring.ListAsync(cancellationToken);

    public Task<DefinitionSummary?> FindAsync(string definitionId, CancellationToken cancellationToken) => authoring.FindAsync(definitionId, cancellationToken);

    /// <summary>A version in Elsa JSON (the latest when <paramref name="version"/> is null); null when absent.</summary>
    public async Task<string?> ExportAsync(string definitionId, int? version, CancellationToken cancellationToken) =>
        await authoring.GetAsync(definitionId, version, cancellationToken) is { } definition ? WorkflowJson.Write(definition) : null;

    /// <summary>The file name Elsa Studio gives an export.</summary>
    public static string ExportFileName(string definitionId, int version) => $"workflow-definition-{definitionId}-v{version}.json";

    /// <summary>The problems of a version, in the page's language.</summary>
    public async Task<IReadOnlyList<ProblemDto>?> ProblemsAsync(string definitionId, int? version, CancellationToken cancellationToken) =>
        await authoring.GetAsync(definitionId, version, cancellationToken) is { } definition ? Localize(authoring.Validate(definition)) : null;

    /// <summary>Validates the designer's graph without storing it.</summary>
    public DesignerResult Validate(string definitionId, string json) =>
        Parse(definitionId, json, out var definition) is { } error ? error : new DesignerResult(definition!.Version, Localize(authoring.Validate(definition)));

    public async Task<string> CreateAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        var definitionId = await authoring.CreateAsync(name, cancellationToken);
        db.Audit(AuditActions.WorkflowCreated, "workflow", definitionId, clock.GetUtcNow(), actor, details: new { Name = name });
        await db.SaveChangesAsync(cancellationToken);
        return definitionId;
    }

    /// <summary>Saves the graph as the definition's draft; null when there is no such definition.</summary>
    public async Task<DesignerResult?> SaveAsync(string definitionId, string json, Actor actor, CancellationToken cancellationToken)
    {
        if (Parse(definitionId, json, out var definition) is { } error)
        {
            return error;
        }

        db.Audit(AuditActions.WorkflowSaved, "workflow", definitionId, clock.GetUtcNow(), actor, details: new { definition!.Name });
        return await authoring.SaveDraftAsync(definition, cancellationToken) is { } saved
            ? new DesignerResult(saved.Version, Localize(saved.Problems), DefinitionId: definitionId)
            : null;
    }

    /// <summary>Publishes a version if it validates; null when there is no such version.</summary>
    public async Task<DesignerResult?> PublishAsync(string definitionId, int version, Actor actor, CancellationToken cancellationToken)
    {
        if (await authoring.GetAsync(definitionId, version, cancellationToken) is null)
        {
            return null;
        }

        // Added first, committed by the publish's own save: there is an audit line exactly when the version went live.
        db.Audit(AuditActions.WorkflowPublished, "workflow", definitionId, clock.GetUtcNow(), actor, details: new { Version = version });
        var problems = await store.PublishAsync(definitionId, version, cancellationToken);
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
        }

        return new DesignerResult(version, Localize(problems), problems.Count == 0 ? null : text["Designer.PublishRefused"].Value, definitionId);
    }

    /// <summary>Copies an old version into a new draft; null when there is no such version.</summary>
    public async Task<DesignerResult?> RevertAsync(string definitionId, int version, Actor actor, CancellationToken cancellationToken)
    {
        db.Audit(AuditActions.WorkflowReverted, "workflow", definitionId, clock.GetUtcNow(), actor, details: new { Version = version });
        return await authoring.RevertAsync(definitionId, version, cancellationToken) is { } draft
            ? new DesignerResult(draft, [], DefinitionId: definitionId)
            : null;
    }

    /// <summary>Imports an Elsa JSON file as a draft of the definition it names (a new one when the id is new).</summary>
    public async Task<DesignerResult> ImportAsync(string json, Actor actor, CancellationToken cancellationToken)
    {
        db.Audit(AuditActions.WorkflowImported, "workflow", "import", clock.GetUtcNow(), actor, details: new { Bytes = Encoding.UTF8.GetByteCount(json) });
        var result = await store.ImportAsync(json, publishIfMarked: false, cancellationToken);
        if (result.Status != ImportStatus.Created)
        {
            db.ChangeTracker.Clear();
        }

        return result.Status switch
        {
            ImportStatus.Refused => new DesignerResult(null, Localize(result.Problems), text["Designer.ImportRefused"].Value, result.DefinitionId),
            _ => new DesignerResult(result.Version, [], DefinitionId: result.DefinitionId),
        };
    }

    /// <summary>What differs from version <paramref name="from"/> to <paramref name="to"/>; null when either is absent.</summary>
    public async Task<IReadOnlyList<DefinitionChange>?> DiffAsync(string definitionId, int from, int to, CancellationToken cancellationToken) =>
        await authoring.GetAsync(definitionId, from, cancellationToken) is { } older && await authoring.GetAsync(definitionId, to, cancellationToken) is { } newer
            ? WorkflowDiff.Compare(older, newer)
            : null;

    private DesignerResult? Parse(string definitionId, string json, out WorkflowDefinition? definition)
    {
        try
        {
            definition = WorkflowJson.Read(json);
        }
        catch (WorkflowFormatException ex)
        {
            definition = null;
            return new DesignerResult(null, [], text["Designer.InvalidJson", ex.Message].Value);
        }

        return definition.DefinitionId == definitionId ? null : new DesignerResult(null, [], text["Designer.OtherDefinition", definition.DefinitionId].Value);
    }

    /// <summary>The engine's problems in the page's language; the engine's English message for a code this host does not word.</summary>
    private List<ProblemDto> Localize(IReadOnlyList<WorkflowProblem> problems) =>
    [
        .. problems.Select(p =>
        {
            var worded = text[$"WorkflowProblem.{p.Code}", p.ActivityName ?? p.ActivityId ?? ""];
            return new ProblemDto(p.Code, p.ActivityId, p.ActivityName, worded.ResourceNotFound ? p.Message : $"{worded.Value} {Detail(p)}".TrimEnd());
        }),
    ];

    /// <summary>The engine's particulars (which input, which port, the script's error) follow the worded sentence.</summary>
    private static string Detail(WorkflowProblem problem) => problem.Code switch
    {
        WorkflowProblemCodes.RequiredInputMissing or WorkflowProblemCodes.ExpressionInvalid or WorkflowProblemCodes.UnknownPort => $"({problem.Message})",
        _ => "",
    };
}
