using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalFlow.Data;

/// <summary>The PostgreSQL flavour of the application database (production), with its own migrations in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlApprovalFlowDbContext(DbContextOptions<PostgreSqlApprovalFlowDbContext> options)
    : ApprovalFlowDbContext(options)
{
    /// <summary>An arbitrary constant naming the audit chain's transaction-scoped advisory lock.</summary>
    private const long AuditChainLock = 0x417564697443;

    /// <summary>
    /// Stores every <see cref="DateTimeOffset"/> as its instant in UTC. <c>timestamptz</c> keeps no offset, and Npgsql
    /// refuses one other than zero rather than drop it silently; but the domain computes in Vietnam time (due dates
    /// from the business calendar, a clock set to +07:00), as SQLite, which keeps the offset, accepts. Comparisons in
    /// queries go through the same conversion, so a parameter in +07:00 works too.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    /// <summary>A transaction-scoped advisory lock: released by the commit or rollback, on whatever node.</summary>
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);

    /// <summary>Writes the UTC instant; reads back what PostgreSQL returns (UTC).</summary>
    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlApprovalFlowDbContext</c> build the model; it never connects.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlApprovalFlowDbContext>
{
    public PostgreSqlApprovalFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlApprovalFlowDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
