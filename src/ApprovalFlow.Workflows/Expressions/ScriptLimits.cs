namespace ApprovalFlow.Workflows.Expressions;

/// <summary>
/// The bounds on an administrator's script, so that none can hang or exhaust the server: a script past any of
/// them fails, and its activity becomes an incident.
/// </summary>
public sealed class ScriptLimits
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxStatements { get; set; } = 1_000_000;

    /// <summary>
    /// Bytes the script may allocate while it runs (Jint counts allocations on the script's thread, not what stays
    /// alive), so a long busy loop reaches it too; with the default one-second timeout, time runs out first for
    /// ordinary scripts.
    /// </summary>
    public long MaxMemoryBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Without this bound, runaway recursion would overflow the stack and take the process down.</summary>
    public int MaxRecursionDepth { get; set; } = 256;
}
