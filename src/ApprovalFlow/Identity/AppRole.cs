using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Identity;

/// <summary>An Identity role; the names are those of <see cref="Roles"/>.</summary>
public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
