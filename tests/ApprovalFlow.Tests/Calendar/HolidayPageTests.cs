using System.Net;
using AngleSharp.Html.Dom;
using ApprovalFlow.Calendar;
using ApprovalFlow.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Tests.Calendar;

/// <summary>The administrators' holiday page: a year at a time, adding and deleting rows, and counting by them at once.</summary>
public sealed class HolidayPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Admin = "admin@demo.local";
    private const string Staff = "chuyenvien.stc@demo.local";

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_administrator_sees_the_seeded_Tet_of_2026_and_can_switch_years()
    {
        var admin = await PageSession.LoginAsync(app, Admin);
        var page = await admin.GetAsync("/admin/holidays?year=2026");

        var tet = page.QuerySelectorAll("[data-testid=holiday-row]").Where(r => r.TextContent.Contains("Tết Nguyên đán", StringComparison.Ordinal)).Select(r => r.GetAttribute("data-date")).ToList();
        Assert.Equal(["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"], tet);
        Assert.Contains("Thứ Hai", page.QuerySelector("[data-date='2026-02-16']")!.TextContent, StringComparison.Ordinal);
        var years = page.QuerySelector("[data-testid=holiday-years]")!.TextContent;
        Assert.All(Enumerable.Range(2025, 3), y => Assert.Contains(y.ToString(System.Globalization.CultureInfo.InvariantCulture), years, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("[data-testid=holidays-link]"));

        var swap = (await admin.GetAsync("/admin/holidays?year=2025")).QuerySelector("[data-date='2025-04-26']")!.TextContent;
        Assert.Contains("Ngày làm bù", swap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_and_deleting_a_day_changes_the_arithmetic_at_once()
    {
        var calendar = app.Services.GetRequiredService<IBusinessCalendar>();
        Assert.Equal(D("2027-02-08"), calendar.AddBusinessDays(D("2027-02-05"), 1));
        var admin = await PageSession.LoginAsync(app, Admin);

        var page = await admin.GetAsync("/admin/holidays?year=2027");
        using (var added = await admin.SubmitAsync("/admin/holidays", Form(page, "holiday-form"), overrides: new() { ["Form.Date"] = "2027-02-08", ["Form.Kind"] = "DayOff", ["Form.Name"] = "Tết Nguyên đán" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        page = await admin.GetAsync("/admin/holidays?year=2027");
        Assert.Contains("Đã thêm ngày 08/02/2027", page.QuerySelector("[data-testid=flash]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-date='2027-02-08']"));
        Assert.False(calendar.IsBusinessDay(D("2027-02-08")));
        Assert.Equal(D("2027-02-09"), calendar.AddBusinessDays(D("2027-02-05"), 1));

        var delete = (IHtmlFormElement)page.QuerySelector("[data-date='2027-02-08'] [data-testid=holiday-delete]")!;
        using (var deleted = await admin.SubmitAsync("/admin/holidays", delete))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Null((await admin.GetAsync("/admin/holidays?year=2027")).QuerySelector("[data-date='2027-02-08']"));
        Assert.True(calendar.IsBusinessDay(D("2027-02-08")));
    }

    [Fact]
    public async Task A_swapped_working_Saturday_counts_once_added()
    {
        var calendar = app.Services.GetRequiredService<IBusinessCalendar>();
        Assert.Equal(D("2027-03-22"), calendar.AddBusinessDays(D("2027-03-19"), 1));
        var admin = await PageSession.LoginAsync(app, Admin);

        var page = await admin.GetAsync("/admin/holidays?year=2027");
        using var added = await admin.SubmitAsync("/admin/holidays", Form(page, "holiday-form"), overrides: new() { ["Form.Date"] = "2027-03-20", ["Form.Kind"] = "WorkingDay", ["Form.Name"] = "Làm bù (thử)" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(D("2027-03-20"), calendar.AddBusinessDays(D("2027-03-19"), 1));
    }

    [Theory]
    [InlineData("2027-03-03", "WorkingDay", "kind", "không phải thứ Bảy hay Chủ nhật")]
    [InlineData("2027-03-06", "DayOff", "kind", "vốn đã là ngày nghỉ")]
    [InlineData("2026-01-01", "DayOff", "date", "đã có trong bảng")]
    [InlineData("", "DayOff", "date", "Cần chọn ngày")]
    public async Task A_day_that_would_mislead_the_count_is_refused_with_the_reason(string date, string kind, string field, string reason)
    {
        var admin = await PageSession.LoginAsync(app, Admin);
        var page = await admin.GetAsync("/admin/holidays");

        using var response = await admin.SubmitAsync("/admin/holidays", Form(page, "holiday-form"), overrides: new() { ["Form.Date"] = date, ["Form.Kind"] = kind, ["Form.Name"] = "Thử" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await PageSession.ParseAsync(response);
        Assert.Contains(reason, shown.QuerySelector($"#{field} ~ .invalid-feedback")!.TextContent, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalFlow.Data.ApprovalFlowDbContext>();
        Assert.Equal("Tết Dương lịch", db.CalendarDays.Single(d => d.Date == D("2026-01-01")).Name);
    }

    [Fact]
    public async Task Someone_not_an_administrator_can_neither_open_the_page_nor_post_to_it()
    {
        var staff = await PageSession.LoginAsync(app, Staff);
        var home = await staff.GetAsync("/");
        Assert.Null(home.QuerySelector("[data-testid=holidays-link]"));

        using var opened = await staff.Client.GetAsync("/admin/holidays");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.StartsWith("/account/denied", opened.Headers.Location!.AbsolutePath(), StringComparison.OrdinalIgnoreCase);

        // A valid antiforgery token of the user's session (the language switch's) does not make the post an administrator's.
        var token = home.QuerySelector("form[action='/culture'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["date"] = "2026-01-01" });
        using var deleted = await staff.Client.PostAsync("/admin/holidays?handler=Delete", content);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.StartsWith("/account/denied", deleted.Headers.Location!.AbsolutePath(), StringComparison.OrdinalIgnoreCase);
        Assert.False(app.Services.GetRequiredService<IBusinessCalendar>().IsBusinessDay(D("2026-01-01")));
    }

    private static IHtmlFormElement Form(IHtmlDocument page, string testId) => (IHtmlFormElement)page.QuerySelector($"[data-testid={testId}]")!;
}

/// <summary>The path of a redirect's location, absolute or relative.</summary>
internal static class LocationExtensions
{
    public static string AbsolutePath(this Uri location) => new Uri(new Uri("http://localhost"), location).AbsolutePath;
}
