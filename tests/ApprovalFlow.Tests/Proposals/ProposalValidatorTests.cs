using ApprovalFlow.Budget;
using ApprovalFlow.Proposals;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Proposals;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class ProposalValidatorTests
{
    private static readonly string[] Sources = [.. FundingSource.Defaults.Select(s => s.Code)];
    private readonly ProposalValidator validator = new(new BudgetOptions { PlausibilityLimit = 100_000m });

    private IReadOnlyList<ValidationIssue> Validate(Action<ProposalContent> change)
    {
        using var _ = new CultureScope("vi-VN");
        var content = SeedLetter.Content();
        change(content);
        return validator.Validate(content, SeedLetter.Request(), Sources);
    }

    private static ValidationIssue Only(IReadOnlyList<ValidationIssue> issues, string field) =>
        Assert.Single(issues, i => i.Field == field);

    [Fact]
    public void The_seed_letter_is_valid() => Assert.Empty(Validate(_ => { }));

    [Fact]
    public void A_negative_amount_is_refused()
    {
        var issue = Only(Validate(c => c.Tasks[0].AllocatedThisYear = -1), "tasks[0].allocatedThisYear");
        Assert.Equal("Số tiền không được âm.", issue.Message);
    }

    [Fact]
    public void A_negative_past_fund_is_refused() =>
        Assert.Equal("Số tiền không được âm.", Only(Validate(c => c.AllocatedFunds[0].Amounts[1].Amount = -621), "allocatedFunds[0].amounts[1].amount").Message);

    [Fact]
    public void The_plan_year_need_may_not_exceed_the_total()
    {
        var issues = Validate(c => c.Tasks[1].PlanYearNeed = 170);
        Assert.Equal("Nhu cầu kinh phí năm 2022 (170) lớn hơn tổng kinh phí của nhiệm vụ (160).", Only(issues, "tasks[1].planYearNeed").Message);
    }

    [Fact]
    public void A_year_split_must_add_up_to_the_total()
    {
        var issues = Validate(c => c.Tasks[2].YearSplit[3].Amount = 15);
        Assert.Equal("Tổng kinh phí phân bổ theo các năm (45) không bằng tổng kinh phí của nhiệm vụ (40).", Only(issues, "tasks[2].yearSplit").Message);
    }

    [Fact]
    public void The_split_plan_year_must_match_the_plan_year_need()
    {
        var issues = Validate(c =>
        {
            c.Tasks[3].YearSplit[0].Amount = 30;
            c.Tasks[3].YearSplit[1].Amount = 50;
        });
        Assert.Equal("Nhu cầu kinh phí năm 2022 (40) khác số phân bổ cho năm 2022 (30).", Only(issues, "tasks[3].planYearNeed").Message);
    }

    [Fact]
    public void A_split_year_outside_the_task_period_is_refused()
    {
        var issues = Validate(c => c.Tasks[0].YearSplit = [new() { Year = 2023, Amount = 48 }]);
        Assert.Equal("Năm 2023 nằm ngoài thời gian thực hiện của nhiệm vụ (2022).", Only(issues, "tasks[0].yearSplit[0].year").Message);
    }

    [Fact]
    public void A_period_outside_the_plan_period_is_refused()
    {
        var issues = Validate(c => c.Tasks[2].EndYear = 2026);
        Assert.Equal("Thời gian thực hiện 2022 - 2026 nằm ngoài giai đoạn kế hoạch 2022 - 2025 của công văn.", Only(issues, "tasks[2].startYear").Message);
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused() =>
        Assert.Contains("năm bắt đầu", Only(Validate(c => c.Tasks[2].EndYear = 2021), "tasks[2].endYear").Message, StringComparison.Ordinal);

    [Fact]
    public void A_task_not_running_in_the_plan_year_needs_nothing_then()
    {
        var issues = Validate(c =>
        {
            c.Tasks[0].StartYear = c.Tasks[0].EndYear = 2023;
        });
        Assert.Equal("Nhiệm vụ không thực hiện trong năm 2022 nên nhu cầu kinh phí năm 2022 phải bằng 0.", Only(issues, "tasks[0].planYearNeed").Message);
    }

    [Fact]
    public void A_missing_funding_source_is_refused() =>
        Assert.Equal("Chưa chọn nguồn vốn.", Only(Validate(c => c.Tasks[1].FundingSource = " "), "tasks[1].fundingSource").Message);

    [Fact]
    public void An_unknown_funding_source_is_refused() =>
        Assert.Equal("Nguồn vốn «XYZ» không có trong danh mục.", Only(Validate(c => c.Tasks[1].FundingSource = "XYZ"), "tasks[1].fundingSource").Message);

    [Fact]
    public void An_amount_above_the_plausibility_limit_is_refused()
    {
        // 48 billion typed in đồng instead of triệu đồng.
        var issues = Validate(c => c.Tasks[0].Total = 48_000_000_000m);
        Assert.Equal(
            "Số tiền 48.000.000.000 triệu đồng vượt mức hợp lý (100.000 triệu đồng); hãy kiểm tra lại đơn vị tính là triệu đồng.",
            Only(issues, "tasks[0].total").Message);
    }

    [Fact]
    public void The_plausibility_limit_is_configurable()
    {
        var strict = new ProposalValidator(new BudgetOptions { PlausibilityLimit = 100m });
        var issues = strict.Validate(SeedLetter.Content(), SeedLetter.Request(), Sources);
        Assert.Equal(["allocatedFunds[0].amounts[1].amount", "tasks[1].total", "tasks[1].planYearNeed", "tasks[3].total"], issues.Select(i => i.Field));
    }

    [Fact]
    public void A_task_needs_a_name() =>
        Assert.Equal("Chưa nhập tên nhiệm vụ.", Only(Validate(c => c.Tasks[3].Name = ""), "tasks[3].name").Message);

    [Fact]
    public void A_past_fund_year_must_be_one_the_request_asks_about() =>
        Assert.Contains("2019", Only(Validate(c => c.AllocatedFunds[0].Amounts[0].Year = 2019), "allocatedFunds[0].amounts[0].year").Message, StringComparison.Ordinal);

    [Fact]
    public void Messages_are_in_English_in_an_English_culture()
    {
        using var _ = new CultureScope("en-US");
        var content = SeedLetter.Content();
        content.Tasks[1].PlanYearNeed = 1170.5m;
        var issue = Assert.Single(validator.Validate(content, SeedLetter.Request(), Sources));
        Assert.Equal("The 2022 need (1,170.5) is larger than the task's total (160).", issue.Message);
    }
}
