using ApprovalFlow.WorkItems;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Identity;

/// <summary>A person who signs in; every user belongs to exactly one agency, which scopes what they see.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>"vi" or "en": the language of this user's mail and, until they switch, of the pages.</summary>
    public string PreferredLanguage { get; set; } = "vi";

    /// <summary>The last day (Vietnam's calendar) the user is out of office; null when present.</summary>
    public DateOnly? AwayUntil { get; set; }

    /// <summary>Who acts on the user's work items while they are away: a colleague of the same agency sharing a role.</summary>
    public Guid? SubstituteUserId { get; set; }

    /// <summary>The inbox's filters and order as the user left them; null for the default.</summary>
    public InboxView? InboxView { get; set; }
}
