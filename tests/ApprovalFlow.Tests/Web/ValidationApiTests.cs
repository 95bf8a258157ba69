using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Proposals;
using ApprovalFlow.Tests.Fixtures;

namespace ApprovalFlow.Tests.Web;

/// <summary>Every validation rule through the API: a 400 naming the field with its Vietnamese message, and nothing stored.</summary>
public sealed class ValidationApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string, string> Rules => new()
    {
        { "negative", "tasks[0].allocatedThisYear", "Số tiền không được âm." },
        { "planYearAboveTotal", "tasks[1].planYearNeed", "Nhu cầu kinh phí năm 2022 (170) lớn hơn tổng kinh phí của nhiệm vụ (160)." },
        { "splitDoesNotAddUp", "tasks[2].yearSplit", "Tổng kinh phí phân bổ theo các năm (45) không bằng tổng kinh phí của nhiệm vụ (40)." },
        { "periodOutsidePlan", "tasks[2].startYear", "Thời gian thực hiện 2022 - 2026 nằm ngoài giai đoạn kế hoạch 2022 - 2025 của công văn." },
        { "missingFundingSource", "tasks[1].fundingSource", "Chưa chọn nguồn vốn." },
        { "implausible", "tasks[0].total", "Số tiền 48.000.000 triệu đồng vượt mức hợp lý (100.000 triệu đồng); hãy kiểm tra lại đơn vị tính là triệu đồng." },
    };

    private static readonly Dictionary<string, Action<ProposalContent>> Changes = new()
    {
        ["negative"] = c => c.Tasks[0].AllocatedThisYear = -5,
        ["planYearAboveTotal"] = c => c.Tasks[1].PlanYearNeed = 170,
        ["splitDoesNotAddUp"] = c => c.Tasks[2].YearSplit[3].Amount = 15,
        ["periodOutsidePlan"] = c => c.Tasks[2].EndYear = 2026,
        ["missingFundingSource"] = c => c.Tasks[1].FundingSource = "",
        ["implausible"] = c => c.Tasks[0].Total = 48_000_000,
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_broken_rule_is_reported_on_its_field_and_nothing_changes(string rule, string field, string message)
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");
        var content = SeedLetter.Content();
        Changes[rule](content);

        using var response = await staff.PutProposalAsync(id, before.GetProperty("revision").GetInt32(), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(message, Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString());
        await AssertUnchangedAsync(staff, id, before);
    }

    [Fact]
    public async Task A_non_numeric_amount_is_reported_on_its_field_and_nothing_changes()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");
        var json = JsonSerializer.Serialize(new { revision = before.GetProperty("revision").GetInt32(), content = SeedLetter.Content() }, ProposalJson.Options)
            .Replace("\"total\":160", "\"total\":\"160a\"", StringComparison.Ordinal);

        using var response = await staff.PutRawAsync(id, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Giá trị phải là một số (triệu đồng), ví dụ 1250.5.", errors.GetProperty("tasks[1].total")[0].GetString());
        await AssertUnchangedAsync(staff, id, before);
    }

    [Fact]
    public async Task Broken_json_is_a_clear_400_and_changes_nothing()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.bdt@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");

        using var response = await staff.PutRawAsync(id, "{\"revision\": 1, \"content\": {\"tasks\": [");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Giá trị không đúng định dạng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertUnchangedAsync(staff, id, before);
    }

    [Fact]
    public async Task A_save_without_content_is_refused_rather_than_emptying_the_proposal()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.stc@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");

        using var response = await staff.PutRawAsync(id, $"{{\"revision\": {before.GetProperty("revision").GetInt32()}}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Thiếu nội dung đề xuất (content).", errors.GetProperty("content")[0].GetString());
        await AssertUnchangedAsync(staff, id, before);
    }

    [Theory]
    [InlineData("\"total\":\"40\"")]
    [InlineData("\"total\":\"1.250,5\"")]
    public async Task An_amount_written_as_a_string_is_refused(string replacement)
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.stc@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");
        var json = JsonSerializer.Serialize(new { revision = before.GetProperty("revision").GetInt32(), content = SeedLetter.Content() }, ProposalJson.Options)
            .Replace("\"total\":40", replacement, StringComparison.Ordinal);

        using var response = await staff.PutRawAsync(id, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("tasks[2].total", out _));
        await AssertUnchangedAsync(staff, id, before);
    }

    [Fact]
    public async Task An_amount_finer_than_a_thousand_dong_is_refused()
    {
        var staff = await ApiSession.LoginAsync(app, "chuyenvien.stc@demo.local");
        var id = await staff.OwnProposalIdAsync();
        var before = await staff.GetJsonAsync($"/api/proposals/{id}");
        var content = SeedLetter.Content();
        content.Tasks[0].Total = content.Tasks[0].PlanYearNeed = 48.0005m;

        using var response = await staff.PutProposalAsync(id, before.GetProperty("revision").GetInt32(), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Số tiền (triệu đồng) chỉ có tối đa 3 chữ số thập phân.", errors.GetProperty("tasks[0].total")[0].GetString());
    }

    private static async Task AssertUnchangedAsync(HttpClient client, Guid id, JsonElement before)
    {
        var after = await client.GetJsonAsync($"/api/proposals/{id}");
        Assert.Equal(before.GetProperty("revision").GetInt32(), after.GetProperty("revision").GetInt32());
        Assert.Equal(before.GetProperty("content").GetRawText(), after.GetProperty("content").GetRawText());
    }
}
