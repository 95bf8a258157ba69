using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalFlow.Data;

/// <summary>The SQLite flavour of the application database, with its own migrations in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteApprovalFlowDbContext(DbContextOptions<SqliteApprovalFlowDbContext> options)
    : ApprovalFlowDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteApprovalFlowDbContext</c> build the model without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApprovalFlowDbContext>
{
    public SqliteApprovalFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
