namespace ApprovalFlow.Web.Hosting;

/// <summary>Which database the app runs on; bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>PostgreSql</c> (production).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The connection string; for SQLite, default <c>approvalflow.db</c> in the data folder; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
