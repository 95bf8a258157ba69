using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Calendar;

/// <summary>
/// The application's business calendar: a singleton answering from a <see cref="CalendarSnapshot"/> of the holiday
/// table kept in memory. An edit replaces the snapshot at once (<see cref="ReloadAsync"/>); the table is read again
/// otherwise only after <see cref="CalendarOptions.RefreshInterval"/>, for the edits made on another node.
/// </summary>
public sealed class BusinessCalendar(IServiceScopeFactory scopes, CalendarOptions options, TimeProvider clock) : IBusinessCalendar
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    private readonly Lock loading = new();

    /// <summary>Guards the pair (generation, loaded): a reading is stored only if no invalidation came since it began.</summary>
    private readonly Lock swap = new();
    private Loaded? loaded;

    /// <summary>Counts the invalidations, so that a reading started before an edit never replaces the edit's.</summary>
    private long generation;

    /// <summary>
    /// The snapshot in force. A sweep over many items takes it once, so that every item is counted by the same table;
    /// reads the database (synchronously, once) only when nothing fresh is cached.
    /// </summary>
    public CalendarSnapshot Current
    {
        get
        {
            var entry = Volatile.Read(ref loaded);
            return entry is not null && IsFresh(entry) ? entry.Snapshot : LoadNow();
        }
    }

    public bool IsBusinessDay(DateOnly date) => Current.IsBusinessDay(date);

    public DateOnly AddBusinessDays(DateOnly date, int days) => Current.AddBusinessDays(date, days);

    public int BusinessDaysBetween(DateOnly from, DateOnly to) => Current.BusinessDaysBetween(from, to);

    public DateTimeOffset DueAt(DateTimeOffset from, int days) => Current.DueAt(from, days);

    public DateOnly LocalDate(DateTimeOffset instant) => Current.LocalDate(instant);

    public DateTimeOffset At(DateOnly date, int hour) => Current.At(date, hour);

    /// <summary>Forgets the snapshot: the next question reads the table again.</summary>
    public void Invalidate()
    {
        lock (swap)
        {
            generation++;
            Volatile.Write(ref loaded, null);
        }
    }

    /// <summary>After an edit committed through <paramref name="db"/>: reads the table now, so that the next question is answered from memory.</summary>
    public async Task ReloadAsync(ApprovalFlowDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        Invalidate();
        var seen = Interlocked.Read(ref generation);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        Store(days, seen);
    }

    private CalendarSnapshot LoadNow()
    {
        lock (loading)
        {
            // Another thread may have read the table while this one waited.
            if (Volatile.Read(ref loaded) is { } entry && IsFresh(entry))
            {
                return entry.Snapshot;
            }

            var seen = Interlocked.Read(ref generation);
            using var scope = scopes.CreateScope();
            var days = scope.ServiceProvider.GetRequiredService<ApprovalFlowDbContext>().CalendarDays.AsNoTracking().ToList();
            return Store(days, seen);
        }
    }

    private CalendarSnapshot Store(List<CalendarDay> days, long seen)
    {
        var entry = new Loaded(new CalendarSnapshot(days, zone, options.DueHour), clock.GetTimestamp());
        lock (swap)
        {
            if (generation == seen)
            {
                Volatile.Write(ref loaded, entry);
            }
        }

        return entry.Snapshot;
    }

    private bool IsFresh(Loaded entry) => clock.GetElapsedTime(entry.LoadedAt) < options.RefreshInterval;

    private sealed record Loaded(CalendarSnapshot Snapshot, long LoadedAt);
}
