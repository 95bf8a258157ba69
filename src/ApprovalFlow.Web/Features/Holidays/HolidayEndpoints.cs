using ApprovalFlow.Calendar;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Hosting;
using ApprovalFlow.Web.Localization;
using Microsoft.Extensions.Localization;

namespace ApprovalFlow.Web.Features.Holidays;

/// <summary>A row of the holiday table as the API returns it.</summary>
public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string Name, DayOfWeek DayOfWeek)
{
    public static CalendarDayDto From(CalendarDay day) => new(day.Date, day.Kind, day.Name, day.Date.DayOfWeek);
}

/// <summary><c>/api/holidays</c>: anyone signed in reads the holiday table; administrators add and delete its rows.</summary>
public static class HolidayEndpoints
{
    public static IEndpointRouteBuilder MapHolidayEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/holidays").WithTags("Calendar").RequireAuthorization(IdentityServiceExtensions.ApiPolicy);
        group.MapGet("/", ListAsync).WithSummary("The days off and swapped working days of a year (default: this year in Vietnam), by date.");
        group.MapPost("/", AddAsync).WithSummary("Administrators: add a day off (a weekday) or a working day (a Saturday or Sunday), e.g. {\"date\":\"2027-02-08\",\"kind\":\"DayOff\",\"name\":\"Tết Nguyên đán\"}.");
        group.MapDelete("/{date}", DeleteAsync).WithSummary("Administrators: delete the row of a date (yyyy-MM-dd).");
        return routes;
    }

    private static async Task<IResult> ListAsync(int? year, HolidayTable table, TimeProvider clock, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var shown = year ?? VietnamTime.Today(clock).Year;
        if (shown is < 1 or > 9999)
        {
            return Results.Problem(title: text["Api.Invalid"], statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok((await table.YearAsync(shown, cancellationToken)).Select(CalendarDayDto.From));
    }

    private static async Task<IResult> AddAsync(CalendarDayDraft body, HttpContext http, HolidayTable table, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var actor = http.User.RequireActor();
        if (!actor.IsAdministrator)
        {
            return Results.Problem(title: text["Status.403"], statusCode: StatusCodes.Status403Forbidden);
        }

        var issues = await table.AddAsync(body, actor, cancellationToken);
        return issues.Count > 0
            ? Results.ValidationProblem(issues.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()), title: text["Api.Invalid"])
            : Results.Created($"/api/holidays?year={body.Date.Year}", CalendarDayDto.From(new CalendarDay { Date = body.Date, Kind = body.Kind, Name = body.Name!.Trim() }));
    }

    private static async Task<IResult> DeleteAsync(DateOnly date, HttpContext http, HolidayTable table, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var actor = http.User.RequireActor();
        if (!actor.IsAdministrator)
        {
            return Results.Problem(title: text["Status.403"], statusCode: StatusCodes.Status403Forbidden);
        }

        return await table.DeleteAsync(date, actor, cancellationToken) ? Results.NoContent() : Results.NotFound();
    }
}
