namespace ApprovalFlow.Tests.Infrastructure;

/// <summary>
/// The database provider the integration tests run on, taken from the environment variable
/// <c>APPROVALFLOW_TEST_DATABASE</c>: <c>Sqlite</c> (the default) or <c>PostgreSql</c>. <c>scripts/test.sh</c> runs
/// the suite once with each.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "APPROVALFLOW_TEST_DATABASE";

    /// <summary>The trait that marks a test class as independent of the configured provider: run once, on the SQLite run.</summary>
    public const string Trait = "Database";

    /// <summary>The <see cref="Trait"/> value of tests that touch no configured database.</summary>
    public const string None = "None";

    /// <summary>The configured provider, as <c>Database:Provider</c> spells it.</summary>
    public static string Provider { get; } = Read();

    /// <summary>Whether the integration tests run on the test run's PostgreSQL server.</summary>
    public static bool IsPostgreSql => Provider == "PostgreSql";

    private static string Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(value) || value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return "Sqlite";
        }

        if (value.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            return "PostgreSql";
        }

        throw new InvalidOperationException($"{Variable}='{value}' is not a provider the tests know; use 'Sqlite' or 'PostgreSql'.");
    }
}
