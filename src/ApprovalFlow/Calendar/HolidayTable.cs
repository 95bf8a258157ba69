using ApprovalFlow.Audit;
using ApprovalFlow.Data;
using ApprovalFlow.Identity;
using ApprovalFlow.Proposals;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Calendar;

/// <summary>What an administrator enters to add a row to the holiday table.</summary>
public sealed record CalendarDayDraft(DateOnly Date, CalendarDayKind Kind, string? Name);

/// <summary>
/// Reads and edits the holiday table. Every edit is audited and reloads <see cref="BusinessCalendar"/> before it
/// returns, so that due dates counted right after it use the new table. Callers check that the actor administers.
/// </summary>
public sealed class HolidayTable(ApprovalFlowDbContext db, BusinessCalendar calendar, TimeProvider clock)
{
    /// <summary>The rows of <paramref name="year"/>, by date.</summary>
    public async Task<IReadOnlyList<CalendarDay>> YearAsync(int year, CancellationToken cancellationToken)
    {
        DateOnly first = new(year, 1, 1), last = new(year, 12, 31);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    /// <summary>The years that have rows, ascending.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken) =>
        [.. (await db.CalendarDays.Select(d => d.Date).ToListAsync(cancellationToken)).Select(d => d.Year).Distinct().Order()];

    /// <summary>Adds a row; or returns the problems and stores nothing.</summary>
    public async Task<IReadOnlyList<ValidationIssue>> AddAsync(CalendarDayDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var name = draft.Name?.Trim() ?? "";
        var weekend = draft.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var issues = new List<ValidationIssue>();
        void Check(bool ok, string field, string key)
        {
            if (!ok)
            {
                issues.Add(new ValidationIssue(field, ValidationMessages.Get(key, draft.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        Check(draft.Date.Year is >= 2000 and <= 2100, "date", "CalendarDateInvalid");
        Check(name.Length is > 0 and <= CalendarDay.NameMaxLength, "name", "CalendarNameRequired");
        Check(Enum.IsDefined(draft.Kind), "kind", "CalendarKindInvalid");

        // Only a Saturday or Sunday can be made a working day. A day off on a weekend is refused rather than warned
        // about: it would change no count, and the administrator almost surely meant the weekday that makes up for a
        // holiday falling on the weekend (Art. 111(3)), which a silent no-op row would leave a working day.
        Check(draft.Kind != CalendarDayKind.WorkingDay || weekend, "kind", "CalendarWorkingDayNotWeekend");
        Check(draft.Kind != CalendarDayKind.DayOff || !weekend, "kind", "CalendarDayOffOnWeekend");
        if (issues.Count == 0)
        {
            Check(!await db.CalendarDays.AnyAsync(d => d.Date == draft.Date, cancellationToken), "date", "CalendarDateTaken");
        }

        if (issues.Count > 0)
        {
            return issues;
        }

        db.CalendarDays.Add(new CalendarDay { Date = draft.Date, Kind = draft.Kind, Name = name });
        db.Audit(AuditActions.CalendarDayAdded, "calendar-day", Key(draft.Date), clock.GetUtcNow(), actor, details: new { draft.Kind, Name = name });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same date between the check and the save.
            db.ChangeTracker.Clear();
            issues.Add(new ValidationIssue("date", ValidationMessages.Get("CalendarDateTaken", draft.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture))));
            return issues;
        }

        await calendar.ReloadAsync(db, cancellationToken);
        return [];
    }

    /// <summary>Deletes the row of <paramref name="date"/>; false when there is none.</summary>
    public async Task<bool> DeleteAsync(DateOnly date, Actor actor, CancellationToken cancellationToken)
    {
        var row = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.CalendarDays.Remove(row);
        db.Audit(AuditActions.CalendarDayDeleted, "calendar-day", Key(date), clock.GetUtcNow(), actor, details: new { row.Kind, row.Name });
        await db.SaveChangesAsync(cancellationToken);
        await calendar.ReloadAsync(db, cancellationToken);
        return true;
    }

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
