using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Identity;

/// <summary>A person who signs in; every user belongs to exactly one agency, which scopes what they see.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }

    public Guid AgencyId { get; set; }

    /// <summary>"vi" or "en": the language of this user's mail and, until they switch, of the pages.</summary>
    public string PreferredLanguage { get; set; } = "vi";
}
