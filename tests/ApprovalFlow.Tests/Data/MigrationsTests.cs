using ApprovalFlow.Data;
using ApprovalFlow.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Tests.Data;

/// <summary>Both providers' migrations describe the current model: a change made to one and not the other fails here.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_are_up_to_date()
    {
        using var db = new SqliteApprovalFlowDbContext(new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context SqliteApprovalFlowDbContext …");
    }

    [Fact]
    public void The_PostgreSQL_migrations_are_up_to_date()
    {
        using var db = new PostgreSqlApprovalFlowDbContext(new DbContextOptionsBuilder<PostgreSqlApprovalFlowDbContext>().UseNpgsql("Host=localhost").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context PostgreSqlApprovalFlowDbContext …");
    }
}
