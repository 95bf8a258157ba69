using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalFlow.Data;

/// <summary>The PostgreSQL flavour of the application database (production), with its own migrations in <c>Data/Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlApprovalFlowDbContext(DbContextOptions<PostgreSqlApprovalFlowDbContext> options)
    : ApprovalFlowDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlApprovalFlowDbContext</c> build the model; it never connects.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlApprovalFlowDbContext>
{
    public PostgreSqlApprovalFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlApprovalFlowDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
