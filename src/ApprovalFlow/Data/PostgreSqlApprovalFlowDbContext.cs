using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalFlow.Data;

/// <summary>The PostgreSQL flavour of the application database (production), with its own migrations in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlApprovalFlowDbContext(DbContextOptions<PostgreSqlApprovalFlowDbContext> options)
    : ApprovalFlowDbContext(options)
{
    /// <summary>An arbitrary constant naming the audit chain's transaction-scoped advisory lock.</summary>
    private const long AuditChainLock = 0x417564697443;

    /// <summary>A transaction-scoped advisory lock: released by the commit or rollback, on whatever node.</summary>
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlApprovalFlowDbContext</c> build the model; it never connects.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlApprovalFlowDbContext>
{
    public PostgreSqlApprovalFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlApprovalFlowDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
