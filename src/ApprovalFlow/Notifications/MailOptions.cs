namespace ApprovalFlow.Notifications;

/// <summary>Where mail goes; bound from the <c>Mail</c> section. With no <see cref="Host"/>, messages are written to <see cref="DropFolder"/>.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The SMTP server; empty: the embedded default, files in the drop folder.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c> (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    /// <summary>Never in the repository: set it in the environment (<c>Mail__Password</c>) or a secret store.</summary>
    public string? Password { get; set; }

    public string From { get; set; } = "approvalflow@localhost";

    public string FromName { get; set; } = "ApprovalFlow";

    /// <summary>Where messages are written without an SMTP server (default: <c>mail</c> in the data folder).</summary>
    public string DropFolder { get; set; } = "mail";

    /// <summary>How many times a message is tried before it is left as failed for an administrator.</summary>
    public int MaxAttempts { get; set; } = 5;
}
