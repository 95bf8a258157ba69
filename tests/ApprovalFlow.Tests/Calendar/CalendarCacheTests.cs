using ApprovalFlow.Calendar;
using ApprovalFlow.Data;
using ApprovalFlow.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Tests.Calendar;

/// <summary>
/// The reminder sweep asks the calendar about every open item: it answers from memory, without allocating, and reads
/// the table again only after an edit or when its copy has grown old.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class CalendarCacheTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;
    private int contexts;

    public CalendarCacheTests()
    {
        connection.Open();
        var options = new DbContextOptionsBuilder<SqliteApprovalFlowDbContext>().UseSqlite(connection).Options;
        services = new ServiceCollection()
            .AddScoped<ApprovalFlowDbContext>(_ =>
            {
                contexts++;
                return new SqliteApprovalFlowDbContext(options);
            })
            .BuildServiceProvider();
        using var db = new SqliteApprovalFlowDbContext(options);
        db.Database.Migrate();
        HolidaySeed.SeedMissingYearsAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        Calendar = new BusinessCalendar(services.GetRequiredService<IServiceScopeFactory>(), new CalendarOptions(), clock);
    }

    private BusinessCalendar Calendar { get; }

    public void Dispose()
    {
        services.Dispose();
        connection.Dispose();
    }

    [Fact]
    public void A_hundred_thousand_questions_read_the_table_once()
    {
        var opened = new DateTimeOffset(2026, 2, 12, 16, 0, 0, TimeSpan.FromHours(7));
        for (var i = 0; i < 100_000; i++)
        {
            Calendar.DueAt(opened.AddMinutes(i), 2);
        }

        Assert.Equal(1, contexts);
    }

    [Fact]
    public void The_snapshot_answers_without_allocating()
    {
        var snapshot = Calendar.Current;
        var opened = new DateTimeOffset(2026, 2, 12, 16, 0, 0, TimeSpan.FromHours(7));
        snapshot.DueAt(opened, 2);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            snapshot.DueAt(opened.AddHours(i), 3);
            snapshot.BusinessDaysBetween(new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task An_edit_is_counted_at_once_and_another_nodes_edit_within_the_refresh_interval()
    {
        var monday = new DateOnly(2027, 2, 8);
        Assert.True(Calendar.IsBusinessDay(monday));

        // An edit through this node reloads it.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
            db.CalendarDays.Add(new CalendarDay { Date = monday, Kind = CalendarDayKind.DayOff, Name = "Tết Nguyên đán" });
            await db.SaveChangesAsync();
            await Calendar.ReloadAsync(db, CancellationToken.None);
        }

        Assert.False(Calendar.IsBusinessDay(monday));

        // Another node's edit: this one's copy still counts the old table until it grows old.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>();
            db.CalendarDays.Remove(await db.CalendarDays.SingleAsync(d => d.Date == monday));
            await db.SaveChangesAsync();
        }

        Assert.False(Calendar.IsBusinessDay(monday));
        clock.Advance(new CalendarOptions().RefreshInterval);
        Assert.True(Calendar.IsBusinessDay(monday));
    }
}
