using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Tests.Web;

namespace ApprovalFlow.Tests.Calendar;

/// <summary><c>/api/holidays</c>: everyone signed in reads the table, administrators write it.</summary>
public sealed class HolidayApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Anyone_signed_in_reads_a_year_of_the_table()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.stc@demo.local");

        var days = (await staff.GetJsonAsync("/api/holidays?year=2025")).EnumerateArray().ToList();

        var swap = Assert.Single(days, d => d.GetProperty("kind").GetString() == "WorkingDay");
        Assert.Equal("2025-04-26", swap.GetProperty("date").GetString());
        Assert.Equal("Saturday", swap.GetProperty("dayOfWeek").GetString());
        Assert.Equal(["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"], days.Where(d => d.GetProperty("name").GetString() == "Tết Nguyên đán").Select(d => d.GetProperty("date").GetString()));
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.True(string.CompareOrdinal(pair.First.GetProperty("date").GetString(), pair.Second.GetProperty("date").GetString()) < 0));
    }

    [Fact]
    public async Task An_administrator_adds_and_deletes_a_day()
    {
        var admin = await ApiSession.LoginAsync(app, "admin@demo.local");

        using (var added = await admin.PostAsJsonAsync("/api/holidays", new { date = "2027-02-09", kind = "DayOff", name = "  Tết Nguyên đán " }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal("Tết Nguyên đán", (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        }

        Assert.Contains((await admin.GetJsonAsync("/api/holidays?year=2027")).EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-02-09");
        using (var deleted = await admin.DeleteAsync("/api/holidays/2027-02-09"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var again = await admin.DeleteAsync("/api/holidays/2027-02-09");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("2027-03-03", "WorkingDay", "kind")]
    [InlineData("2027-03-07", "DayOff", "kind")]
    [InlineData("2025-04-26", "WorkingDay", "date")]
    public async Task A_bad_day_is_refused_field_by_field(string date, string kind, string field)
    {
        var admin = await ApiSession.LoginAsync(app, "admin@demo.local");

        using var response = await admin.PostAsJsonAsync("/api/holidays", new { date, kind, name = "Thử" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Others_are_refused_writes_with_a_403_problem_and_anonymous_callers_with_401()
    {
        var ubnd = await ApiSession.LoginAsync(app, "ubnd@demo.local");

        using var added = await ubnd.PostAsJsonAsync("/api/holidays", new { date = "2027-02-10", kind = "DayOff", name = "Tết" });
        using var deleted = await ubnd.DeleteAsync("/api/holidays/2026-01-01");
        using var anonymous = await app.CreateClient().GetAsync("/api/holidays");

        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal("application/problem+json", added.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains((await ubnd.GetJsonAsync("/api/holidays?year=2026")).EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-01-01");
        Assert.DoesNotContain((await ubnd.GetJsonAsync("/api/holidays?year=2027")).EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-02-10");
    }
}
