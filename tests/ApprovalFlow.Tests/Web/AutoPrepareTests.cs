using ApprovalFlow.Web.Hosting;
using Npgsql;

namespace ApprovalFlow.Tests.Web;

/// <summary>Nodes prepare their repeated statements on PostgreSQL, unless the operator's connection string decides.</summary>
[Trait("Database", "None")]
public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_a_say_gets_prepared_statements()
    {
        var result = new NpgsqlConnectionStringBuilder(DataServiceExtensions.WithAutoPrepare("Host=db;Database=approvalflow;Username=app"));

        Assert.Equal(DataServiceExtensions.AutoPreparedStatements, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
    }

    [Fact]
    public void The_operators_own_setting_is_kept_even_when_it_turns_preparation_off()
    {
        var result = new NpgsqlConnectionStringBuilder(DataServiceExtensions.WithAutoPrepare("Host=db;Database=approvalflow;Max Auto Prepare=0"));

        Assert.Equal(0, result.MaxAutoPrepare);
    }
}
