using System.Diagnostics;
using ApprovalFlow.Data;
using ApprovalFlow.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Chain;

/// <summary>The README's <c>verify-audit</c> command, run as a separate process against a real database.</summary>
public sealed class VerifyAuditCommandTests
{
    [Fact]
    public async Task The_command_confirms_an_intact_chain_and_names_the_first_altered_line()
    {
        using var app = new AppFactory();
        long victim;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
            Assert.True(await db.AuditEntries.CountAsync() > 3, "publishing the demo request writes audit lines");
            var (code, output) = await RunAsync(app);
            Assert.True(code == 0, output);
            Assert.Contains("holds", output, StringComparison.Ordinal);

            victim = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(2).Select(e => e.Sequence).FirstAsync();
            await db.AuditEntries.Where(e => e.Sequence == victim).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "Người khác"));
        }

        var (brokenCode, brokenOutput) = await RunAsync(app);
        Assert.Equal(1, brokenCode);
        Assert.Contains($"line {victim}", brokenOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(AppFactory app)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ApprovalFlow.Web.dll"), "verify-audit"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in app.ProcessEnvironment())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
