using ApprovalFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Calendar;

/// <summary>
/// The holiday table every new installation starts with: the public holidays of Bộ luật Lao động 45/2019/QH14
/// Art. 112 and the yearly notices' Tết and swapped days. Only weekdays off and weekend days worked are listed: the
/// weekends of Tết are off anyway. Administrators correct and extend it on <c>/admin/holidays</c>.
/// </summary>
public static class HolidaySeed
{
    private const string NewYear = "Tết Dương lịch";
    private const string Tet = "Tết Nguyên đán";
    private const string HungKings = "Giỗ Tổ Hùng Vương (10/3 âm lịch)";
    private const string Victory = "Ngày Chiến thắng (30/4)";
    private const string Labour = "Ngày Quốc tế Lao động (1/5)";
    private const string National = "Quốc khánh (2/9)";
    private const string Culture = "Ngày Văn hóa Việt Nam (24/11)";

    /// <summary>The rows, year by year.</summary>
    public static IReadOnlyList<CalendarDay> Rows { get; } =
    [
        // 2025 — Thông báo 6150/TB-BLĐTBXH: Tết 25/01–02/02 (weekdays 27–31/01); Friday 02/05 off in exchange
        // for Saturday 26/04 worked; Quốc khánh 30/08–02/09 (weekdays 01–02/09). Giỗ Tổ fell on Monday 07/04.
        Day(2025, 1, 1, NewYear),
        .. Days(2025, 1, 27, 5, Tet),
        Day(2025, 4, 7, HungKings),
        Worked(2025, 4, 26, "Làm bù cho ngày 02/05/2025"),
        Day(2025, 4, 30, Victory),
        Day(2025, 5, 1, Labour),
        Day(2025, 5, 2, "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)"),
        Day(2025, 9, 1, National),
        Day(2025, 9, 2, National),

        // 2026 — Tết Bính Ngọ 14/02–22/02, 9 days (weekdays 16–20/02), as announced for civil servants (the notices
        // come from the Bộ Nội vụ from 2026; reported by congan.com.vn and baomoi). Giỗ Tổ, 10/3 âm lịch, is Sunday
        // 26/04: Art. 111(3) makes it up on Monday 27/04. The second day of Quốc khánh is the Prime Minister's to fix
        // (Art. 112(3)) and is not in our sources: an administrator adds it. 24/11 is the paid day off the Politburo
        // chose (baophutho.vn, baogialai.com.vn; law from 01/07/2026 by Nghị quyết 28/2026/QH16, unverified).
        Day(2026, 1, 1, NewYear),
        .. Days(2026, 2, 16, 5, Tet),
        Day(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026)"),
        Day(2026, 4, 30, Victory),
        Day(2026, 5, 1, Labour),
        Day(2026, 9, 2, National),
        Day(2026, 11, 24, Culture),

        // 2027 — no notice yet: the fixed days only. Tết (1st day Saturday 06/02/2027) and any swap are entered
        // from the notice when it is published. 01/05 is a Saturday: Art. 111(3) makes it up on Monday 03/05.
        // Giỗ Tổ, 10/3 âm lịch, is Friday 16/04.
        Day(2027, 1, 1, NewYear),
        Day(2027, 4, 16, HungKings),
        Day(2027, 4, 30, Victory),
        Day(2027, 5, 3, "Nghỉ bù Ngày Quốc tế Lao động (thứ Bảy 01/05/2027)"),
        Day(2027, 9, 2, National),
        Day(2027, 11, 24, Culture),
    ];

    /// <summary>
    /// Adds the rows of each year that has none yet, so that a release bringing a new year's notice reaches existing
    /// installations too, while a year administrators have started editing is never touched again.
    /// </summary>
    public static async Task<int> SeedMissingYearsAsync(ApprovalFlowDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var present = (await db.CalendarDays.Select(d => d.Date).ToListAsync(cancellationToken)).Select(d => d.Year).ToHashSet();
        var missing = Rows.Where(r => !present.Contains(r.Date.Year)).Select(r => new CalendarDay { Date = r.Date, Kind = r.Kind, Name = r.Name }).ToList();
        db.CalendarDays.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private static CalendarDay Day(int year, int month, int day, string name) =>
        new() { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.DayOff, Name = name };

    private static CalendarDay Worked(int year, int month, int day, string name) =>
        new() { Date = new DateOnly(year, month, day), Kind = CalendarDayKind.WorkingDay, Name = name };

    private static IEnumerable<CalendarDay> Days(int year, int month, int first, int count, string name) =>
        Enumerable.Range(first, count).Select(day => Day(year, month, day, name));
}
