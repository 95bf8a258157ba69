using System.Text.Json;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;

namespace ApprovalFlow.Audit;

/// <summary>Adds audit lines to the unit of work, so that a line exists exactly when its change was committed.</summary>
public static class AuditLogExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records <paramref name="action"/> on an entity, by <paramref name="actor"/> (null: the system).</summary>
    /// <param name="db">The unit of work the change is part of.</param>
    /// <param name="action">What happened, e.g. <c>proposal.saved</c>.</param>
    /// <param name="entityType">e.g. <c>proposal</c>.</param>
    /// <param name="entityId">The entity's id.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who; null for the system.</param>
    /// <param name="channel">inbox, email, api or system.</param>
    /// <param name="details">Particulars, serialized as JSON.</param>
    /// <param name="onBehalfOf">The absent user a substitute acted for.</param>
    public static void Audit(
        this ApprovalFlowDbContext db, string action, string entityType, object entityId, DateTimeOffset at,
        Actor? actor = null, string? channel = null, object? details = null, string? onBehalfOf = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString() ?? "",
            At = at,
            ActorId = actor?.UserId,
            ActorName = actor?.DisplayName,
            OnBehalfOfName = onBehalfOf,
            Channel = channel ?? (actor is null ? "system" : null),
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
        });
}
