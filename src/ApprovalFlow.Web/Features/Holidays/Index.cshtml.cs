using System.Globalization;
using ApprovalFlow.Calendar;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Holidays;

/// <summary>What the add form posts; the date as the date input sends it (yyyy-MM-dd), whatever the page's language.</summary>
public sealed class HolidayForm
{
    public string? Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string? Name { get; set; }
}

/// <summary>Administrators keep the holiday table, a year at a time: days off, swapped working days.</summary>
public sealed class IndexModel(HolidayTable table, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public HolidayForm Form { get; set; } = new();

    public int Year { get; private set; }

    /// <summary>The years offered by the switcher: those with rows, this one, and one either side of the range.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!User.RequireActor().IsAdministrator)
        {
            return Forbid();
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (!actor.IsAdministrator)
        {
            return Forbid();
        }

        if (!DateOnly.TryParseExact(Form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors["date"] = text["Holidays.DateInvalid"];
            await LoadAsync(null, cancellationToken);
            return Page();
        }

        var issues = await table.AddAsync(new CalendarDayDraft(date, Form.Kind, Form.Name), actor, cancellationToken);
        if (issues.Count == 0)
        {
            TempData["Message"] = text["Holidays.Added", VietnamTime.Format(date)].Value;
            return RedirectToPage(new { year = date.Year });
        }

        foreach (var issue in issues)
        {
            Errors.TryAdd(issue.Field, issue.Message);
        }

        await LoadAsync(date.Year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? date, CancellationToken cancellationToken)
    {
        var actor = User.RequireActor();
        if (!actor.IsAdministrator)
        {
            return Forbid();
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return BadRequest();
        }

        var deleted = await table.DeleteAsync(day, actor, cancellationToken);
        TempData["Message"] = (deleted ? text["Holidays.Deleted", VietnamTime.Format(day)] : text["Holidays.NotFound", VietnamTime.Format(day)]).Value;
        TempData["IsError"] = !deleted;
        return RedirectToPage(new { year = day.Year });
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        Year = year is >= 2000 and <= 2100 ? year.Value : today.Year;
        Days = await table.YearAsync(Year, cancellationToken);
        var years = (await table.YearsAsync(cancellationToken)).Append(today.Year).Append(Year).ToList();
        Years = [.. Enumerable.Range(years.Min() - 1, years.Max() - years.Min() + 3)];
    }
}
