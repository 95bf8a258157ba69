namespace ApprovalFlow.Notifications;

/// <summary>
/// An administrator's version of a mail template (<see cref="MailTemplates"/>), replacing the one shipped with the
/// application for its kind and language until it is reset.
/// </summary>
public sealed class MailTemplate
{
    /// <summary><c>{kind}.{language}</c>, e.g. <c>work-item.vi</c>.</summary>
    public required string Name { get; init; }

    public required string Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedByName { get; set; }
}
