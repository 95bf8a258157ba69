using ApprovalFlow.Calendar;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Calendar;

/// <summary>Working-day arithmetic over the seeded table: weekends, Tết, 30/4–1/5, Quốc khánh and a swapped Saturday.</summary>
[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class BusinessCalendarTests
{
    private static readonly CalendarSnapshot Calendar = CalendarSnapshot.Create(HolidaySeed.Rows, new CalendarOptions());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday to Monday across a weekend
    [InlineData("2026-03-09", -1, "2026-03-06")]
    [InlineData("2026-03-07", 0, "2026-03-09")] // a Saturday's "today" is the next working day
    [InlineData("2026-03-10", 0, "2026-03-10")]
    [InlineData("2026-02-13", 1, "2026-02-23")] // Tết Bính Ngọ: 14–22/02/2026 off
    [InlineData("2026-02-23", -1, "2026-02-13")]
    [InlineData("2025-01-24", 1, "2025-02-03")] // Tết Ất Tỵ: 25/01–02/02/2025 off
    [InlineData("2026-04-29", 1, "2026-05-04")] // 30/4 and 1/5/2026, Thursday and Friday
    [InlineData("2025-04-29", 1, "2025-05-05")] // 30/4, 1/5 and the swapped 2/5/2025
    [InlineData("2025-08-29", 1, "2025-09-03")] // Quốc khánh 2025: 30/08–02/09
    [InlineData("2026-09-01", 1, "2026-09-03")] // 2/9/2026, a Wednesday
    [InlineData("2025-04-25", 1, "2025-04-26")] // Saturday 26/04/2025 is worked
    [InlineData("2025-04-25", 2, "2025-04-28")]
    [InlineData("2026-04-24", 1, "2026-04-28")] // Giỗ Tổ fell on Sunday 26/04/2026: Monday 27/04 is off instead
    public void Adds_working_days_skipping_weekends_and_the_tables_days_off(string from, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddBusinessDays(D(from), days));

    [Theory]
    [InlineData("2025-04-26", true)]
    [InlineData("2025-04-27", false)]
    [InlineData("2025-05-02", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-14", false)]
    [InlineData("2026-02-23", true)]
    [InlineData("2026-09-02", false)]
    [InlineData("2026-01-01", false)]
    public void Knows_each_days_status(string date, bool working) => Assert.Equal(working, Calendar.IsBusinessDay(D(date)));

    [Theory]
    [InlineData("2026-02-13", "2026-02-23", 1)]
    [InlineData("2026-02-23", "2026-02-13", -1)]
    [InlineData("2026-03-06", "2026-03-06", 0)]
    [InlineData("2026-03-06", "2026-03-13", 5)]
    [InlineData("2025-04-25", "2025-05-05", 4)] // Saturday 26, Monday 28, Tuesday 29 and Monday 5
    [InlineData("2025-12-31", "2026-12-31", 250)] // 261 weekdays of 2026 less its 11 weekdays off in the table
    public void Counts_working_days_after_the_first_date_up_to_the_second(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.BusinessDaysBetween(D(from), D(to)));

    [Fact]
    public void Counting_and_adding_agree_on_every_day_of_the_three_seeded_years()
    {
        for (var day = D("2025-01-01"); day <= D("2027-12-31"); day = day.AddDays(1))
        {
            foreach (var days in new[] { 1, 2, 3, 7, 15 })
            {
                Assert.Equal(days, Calendar.BusinessDaysBetween(day, Calendar.AddBusinessDays(day, days)));
                if (Calendar.IsBusinessDay(day))
                {
                    Assert.Equal(-days, Calendar.BusinessDaysBetween(day, Calendar.AddBusinessDays(day, -days)));
                }
            }
        }
    }

    [Fact]
    public void A_task_opened_on_Friday_afternoon_with_two_working_days_falls_due_on_Tuesday_at_17_Vietnam_time()
    {
        var due = Calendar.DueAt(new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.FromHours(7)), 2);

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(7)), due);
        Assert.Equal(new DateTime(2026, 3, 10, 10, 0, 0, DateTimeKind.Utc), due.UtcDateTime);
        Assert.Equal(TimeSpan.FromHours(7), due.Offset);
    }

    [Fact]
    public void The_due_date_counts_from_the_Vietnam_date_and_skips_Tet()
    {
        // 20:00 UTC on Thursday 12/02/2026 is already Friday 13/02 in Vietnam; the next working day is after Tết.
        var due = Calendar.DueAt(new DateTimeOffset(2026, 2, 12, 20, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal(new DateTimeOffset(2026, 2, 23, 17, 0, 0, TimeSpan.FromHours(7)), due);
        Assert.Equal(D("2026-02-13"), Calendar.LocalDate(new DateTimeOffset(2026, 2, 12, 20, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_due_hour_is_configurable()
    {
        var calendar = CalendarSnapshot.Create(HolidaySeed.Rows, new CalendarOptions { DueHour = 9 });

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7)), calendar.DueAt(new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.FromHours(7)), 1));
    }

    [Fact]
    public void Rows_that_change_nothing_are_ignored_by_the_arithmetic()
    {
        var calendar = CalendarSnapshot.Create(
            [
                new CalendarDay { Date = D("2026-03-07"), Kind = CalendarDayKind.DayOff, Name = "Saturday off" },
                new CalendarDay { Date = D("2026-03-10"), Kind = CalendarDayKind.WorkingDay, Name = "Tuesday worked" },
            ],
            new CalendarOptions());

        Assert.Equal(5, calendar.BusinessDaysBetween(D("2026-03-06"), D("2026-03-13")));
    }

    [Fact]
    public void The_seed_has_one_row_per_date_and_only_meaningful_rows()
    {
        Assert.Equal(HolidaySeed.Rows.Count, HolidaySeed.Rows.Select(r => r.Date).Distinct().Count());
        Assert.All(HolidaySeed.Rows, r => Assert.Equal(r.Kind == CalendarDayKind.WorkingDay, r.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal([2025, 2026, 2027], HolidaySeed.Rows.Select(r => r.Date.Year).Distinct());
    }
}
