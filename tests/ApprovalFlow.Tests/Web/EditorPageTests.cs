using System.Net;
using AngleSharp.Html.Dom;

namespace ApprovalFlow.Tests.Web;

/// <summary>
/// The proposal editor as the agency's staff use it, without JavaScript: every button posts the whole form.
/// Each test works on another agency's draft, so that none sees another's saves.
/// </summary>
public sealed class EditorPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(PageSession Session, string Url, IHtmlFormElement Form)> OpenEditorAsync(string staff)
    {
        var id = await (await ApiSession.LoginAsync(app, staff)).OwnProposalIdAsync();
        var session = await PageSession.LoginAsync(app, staff);
        var url = $"/proposals/{id}/edit";
        return (session, url, (await session.GetAsync(url)).Forms.Single(f => f.Id == "proposal-editor"));
    }

    private static IHtmlFormElement EditorOf(IHtmlDocument page) => page.Forms.Single(f => f.Id == "proposal-editor");

    private static async Task<IHtmlDocument> PressAsync(PageSession session, string url, IHtmlFormElement form, string op, Dictionary<string, string>? typed = null)
    {
        using var response = await session.SubmitAsync(url, form, op, typed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageSession.ParseAsync(response);
    }

    [Fact]
    public async Task Adding_moving_and_removing_rows_keeps_everything_typed()
    {
        var (session, url, form) = await OpenEditorAsync("chuyenvien.stc@demo.local");

        var page = await PressAsync(session, url, form, "add-task", new() { ["Form.Goals"] = "Mục tiêu đang gõ" });
        page = await PressAsync(session, url, EditorOf(page), "add-task", new() { ["Form.Tasks[0].Name"] = "Nâng cấp hạ tầng CNTT" });
        page = await PressAsync(session, url, EditorOf(page), "add-scope-1", new() { ["Form.Tasks[1].Name"] = "Phần mềm bản quyền diệt virus" });
        page = await PressAsync(session, url, EditorOf(page), "add-scope-1", new() { ["Form.Tasks[1].Scope[0]"] = "Máy chủ" });
        page = await PressAsync(session, url, EditorOf(page), "up-scope-1-1", new() { ["Form.Tasks[1].Scope[1]"] = "Toàn bộ máy vi tính cơ quan" });
        page = await PressAsync(session, url, EditorOf(page), "up-task-1");

        Assert.Equal("Mục tiêu đang gõ", page.QuerySelector("textarea[name='Form.Goals']")!.TextContent.Trim());
        Assert.Equal("Phần mềm bản quyền diệt virus", Value(page, "Form.Tasks[0].Name"));
        Assert.Equal("Nâng cấp hạ tầng CNTT", Value(page, "Form.Tasks[1].Name"));
        Assert.Equal(("Toàn bộ máy vi tính cơ quan", "Máy chủ"), (Value(page, "Form.Tasks[0].Scope[0]"), Value(page, "Form.Tasks[0].Scope[1]")));

        page = await PressAsync(session, url, EditorOf(page), "remove-task-0");
        Assert.Equal("Nâng cấp hạ tầng CNTT", Value(page, "Form.Tasks[0].Name"));
        Assert.Null(page.QuerySelector("[name='Form.Tasks[1].Name']"));
    }

    [Fact]
    public async Task Amounts_typed_the_Vietnamese_way_are_saved_and_shown_that_way()
    {
        var (session, url, form) = await OpenEditorAsync("chuyenvien.syt@demo.local");
        var page = await PressAsync(session, url, form, "add-task");
        page = await PressAsync(session, url, EditorOf(page), "add-fund");

        using var saved = await session.SubmitAsync(url, EditorOf(page), "save", new()
        {
            ["Form.Tasks[0].Name"] = "Nâng cấp hạ tầng CNTT",
            ["Form.Tasks[0].StartYear"] = "2022",
            ["Form.Tasks[0].EndYear"] = "2025",
            ["Form.Tasks[0].Total"] = "1.250,5",
            ["Form.Tasks[0].PlanYearNeed"] = "250,5",
            ["Form.Tasks[0].Split[0]"] = "250,5",
            ["Form.Tasks[0].Split[1]"] = "1.000",
            ["Form.AllocatedFunds[0].Project"] = "Phần mềm quản lý",
            ["Form.AllocatedFunds[0].Amounts[1]"] = "621",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var reopened = await session.GetAsync(url);
        Assert.Equal("1.250,5", Value(reopened, "Form.Tasks[0].Total"));
        Assert.Equal("1.000", Value(reopened, "Form.Tasks[0].Split[1]"));
        Assert.Equal("", Value(reopened, "Form.AllocatedFunds[0].Amounts[0]"));
        Assert.NotNull(reopened.QuerySelector("[data-testid=saved]"));

        var view = await session.GetAsync(url.Replace("/edit", "", StringComparison.Ordinal));
        Assert.Equal("1.250,5", view.QuerySelector("[data-testid=period-total]")!.TextContent);
        Assert.Equal("250,5", view.QuerySelector("[data-testid=plan-year-total]")!.TextContent);
    }

    [Fact]
    public async Task A_malformed_amount_is_shown_on_its_field_and_nothing_is_saved()
    {
        var (session, url, form) = await OpenEditorAsync("chuyenvien.sgddt@demo.local");
        var page = await PressAsync(session, url, form, "add-task");
        var before = await (await ApiSession.LoginAsync(app, "chuyenvien.sgddt@demo.local")).GetJsonAsync($"/api/proposals/{url.Split('/')[2]}");

        page = await PressAsync(session, url, EditorOf(page), "save", new()
        {
            ["Form.Tasks[0].Name"] = "Mua sắm thiết bị",
            ["Form.Tasks[0].Total"] = "12a",
            ["Form.Tasks[0].PlanYearNeed"] = "1.5",
            ["Form.Goals"] = "Không được mất",
        });

        Assert.Equal("«12a» không phải là số tiền hợp lệ; hãy nhập theo dạng 1.250,5 (triệu đồng).", page.QuerySelector("[data-error-for='tasks[0].total']")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-error-for='tasks[0].planYearNeed']"));
        Assert.Equal("12a", Value(page, "Form.Tasks[0].Total"));
        Assert.Equal("Không được mất", page.QuerySelector("textarea[name='Form.Goals']")!.TextContent.Trim());
        var after = await (await ApiSession.LoginAsync(app, "chuyenvien.sgddt@demo.local")).GetJsonAsync($"/api/proposals/{url.Split('/')[2]}");
        Assert.Equal(before.GetProperty("revision").GetInt32(), after.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task One_save_shows_unreadable_amounts_and_broken_rules_together()
    {
        var (session, url, form) = await OpenEditorAsync("chuyenvien.snv@demo.local");
        var page = await PressAsync(session, url, form, "add-task");
        page = await PressAsync(session, url, EditorOf(page), "add-task");

        page = await PressAsync(session, url, EditorOf(page), "save", new()
        {
            ["Form.Tasks[0].Name"] = "Mua sắm thiết bị",
            ["Form.Tasks[0].Total"] = "12a",
            ["Form.Tasks[1].Name"] = "",
            ["Form.Tasks[1].Total"] = "10",
        });

        Assert.NotNull(page.QuerySelector("[data-error-for='tasks[0].total']"));
        Assert.Equal("Chưa nhập tên nhiệm vụ.", page.QuerySelector("[data-error-for='tasks[1].name']")!.TextContent);
        Assert.Contains("Nhiệm vụ 2 › Tên nhiệm vụ", page.QuerySelector("[data-testid=errors]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_broken_in_the_editor_is_shown_on_the_field_that_breaks_it()
    {
        var (session, url, form) = await OpenEditorAsync("chuyenvien.stp@demo.local");
        var page = await PressAsync(session, url, form, "add-task");

        page = await PressAsync(session, url, EditorOf(page), "save", new()
        {
            ["Form.Tasks[0].Name"] = "Phần mềm bản quyền diệt virus",
            ["Form.Tasks[0].StartYear"] = "2022",
            ["Form.Tasks[0].EndYear"] = "2025",
            ["Form.Tasks[0].Total"] = "40",
            ["Form.Tasks[0].PlanYearNeed"] = "10",
            ["Form.Tasks[0].Split[0]"] = "10",
            ["Form.Tasks[0].Split[3]"] = "15",
        });

        Assert.Equal(
            "Tổng kinh phí phân bổ theo các năm (25) không bằng tổng kinh phí của nhiệm vụ (40).",
            page.QuerySelector("[data-error-for='tasks[0].split']")!.TextContent);
    }

    [Fact]
    public async Task The_read_only_view_renders_the_letter_header_in_the_decrees_form()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var revision = (await staff.GetJsonAsync($"/api/proposals/{id}")).GetProperty("revision").GetInt32();
        using var _ = await staff.PutProposalAsync(id, revision, Fixtures.SeedLetter.Content());

        var view = await (await PageSession.LoginAsync(app, "truongban.bdt@demo.local")).GetAsync($"/proposals/{id}");

        Assert.Equal("Quảng Ngãi, ngày 14 tháng 02 năm 2022", view.QuerySelector("[data-testid=place-date]")!.TextContent);
        Assert.Contains("BAN DÂN TỘC", view.QuerySelector(".letter")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, view.QuerySelectorAll("[data-testid=task]").Length);
        Assert.Equal(["48", "160", "40", "160"], view.QuerySelectorAll("[data-testid=row-period-total]").Select(c => c.TextContent));
        Assert.Equal(("408", "258"), (view.QuerySelector("[data-testid=period-total]")!.TextContent, view.QuerySelector("[data-testid=plan-year-total]")!.TextContent));
        Assert.Equal(["- Như trên;", "- Lãnh đạo Ban;", "- Các phòng thuộc Ban;", "- Lưu VT."], view.QuerySelectorAll("[data-testid=recipient]").Select(r => r.TextContent));
    }

    private static string? Value(IHtmlDocument page, string name) => (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value;
}
