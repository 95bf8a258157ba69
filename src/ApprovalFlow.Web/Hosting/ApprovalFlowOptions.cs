namespace ApprovalFlow.Web.Hosting;

/// <summary>The host's own settings, bound from the <c>ApprovalFlow</c> section (environment: <c>ApprovalFlow__DataDir</c>, …).</summary>
public sealed class ApprovalFlowOptions
{
    public const string SectionName = "ApprovalFlow";

    /// <summary>
    /// Where the database and other files live; created at start-up. Default: <c>ApprovalFlow</c> under the user's
    /// local application data (on Linux <c>~/.local/share/ApprovalFlow</c>).
    /// </summary>
    public string? DataDir { get; set; }

    /// <summary>The published default of <see cref="DemoPassword"/>, accepted only in Development.</summary>
    public const string DefaultDemoPassword = "Demo@2026";

    /// <summary>The password of every demo account created on an empty database.</summary>
    public string DemoPassword { get; set; } = DefaultDemoPassword;

    /// <summary>Whether an empty database receives the demo province, request and accounts.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>The public address of the site, for links in mail; the request's own address when unset.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The folder of workflow definitions (<c>*.json</c>) imported at start-up; default <c>workflows</c> in the
    /// repository (found by walking up from the working directory), else beside the app.
    /// </summary>
    public string? WorkflowsDir { get; set; }

    /// <summary>The workflows folder with the default applied.</summary>
    public string ResolvedWorkflowsDir => WorkflowsDir is { Length: > 0 } dir ? Path.GetFullPath(dir) : FindUpwards("workflows") ?? Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>The data folder with the default applied.</summary>
    public string ResolvedDataDir => string.IsNullOrWhiteSpace(DataDir)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ApprovalFlow")
        : Path.GetFullPath(DataDir);

    private static string? FindUpwards(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
