using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Calendar;

/// <summary>A real installation, without the demo province, starts with the holidays too.</summary>
public sealed class HolidaySeedTests
{
    [Fact]
    public async Task A_new_database_without_demo_data_has_the_holidays_of_2025_to_2027_and_keeps_edits_on_restart()
    {
        using var app = new AppFactory { Settings = { ["ApprovalFlow:SeedDemoData"] = "false" } };
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();

        Assert.False(await db.Agencies.AnyAsync());
        Assert.Equal(HolidaySeed.Rows.Count, await db.CalendarDays.CountAsync());
        Assert.False(app.Services.GetRequiredService<IBusinessCalendar>().IsBusinessDay(new DateOnly(2026, 2, 17)));

        // A year the administrators have edited is theirs: seeding again restores no deleted row.
        db.CalendarDays.Remove(await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2027, 11, 24)));
        await db.SaveChangesAsync();
        Assert.Equal(0, await HolidaySeed.SeedMissingYearsAsync(db, CancellationToken.None));
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2027, 11, 24)));
    }
}
