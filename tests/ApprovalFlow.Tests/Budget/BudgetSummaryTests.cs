using ApprovalFlow.Budget;
using ApprovalFlow.Tests.Fixtures;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Budget;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class BudgetSummaryTests
{
    private static readonly BudgetSummary Seed = BudgetSummary.Compute(SeedLetter.Content(), FundingSource.Defaults);

    [Fact]
    public void Section_IV_of_the_seed_has_its_rows_and_totals()
    {
        Assert.Equal(
            [(48m, 48m), (160m, 160m), (40m, 10m), (160m, 40m)],
            Seed.Rows.Select(r => (r.PeriodTotal, r.PlanYearNeed)));
        Assert.Equal(408m, Seed.PeriodTotal);
        Assert.Equal(258m, Seed.PlanYearTotal);
    }

    [Fact]
    public void Rows_print_as_the_seed_prints_them()
    {
        var first = Seed.Rows[0];
        Assert.Equal("Mua sắm máy vi tính và nâng cấp mạng máy tính tại cơ quan", first.Content);
        Assert.Equal("2022", first.Period.ToString());
        Assert.Equal("NS tỉnh", first.FundingSource);
        Assert.Equal("2022 - 2025", Seed.Rows[2].Period.ToString());
        Assert.Equal("Trang bị phần mềm bản quyền diệt virus", Seed.Rows[2].Content);
    }

    [Fact]
    public void Sums_per_year_and_per_funding_source()
    {
        Assert.Equal(new Dictionary<int, decimal> { [2022] = 258m, [2023] = 50m, [2024] = 50m, [2025] = 50m }, Seed.ByYear);
        var source = Assert.Single(Seed.ByFundingSource);
        Assert.Equal(("NS_TINH", 408m, 258m), (source.Code, source.PeriodTotal, source.PlanYearNeed));
    }

    [Fact]
    public void Past_funds_are_summed_per_year_with_blank_cells_left_out()
    {
        Assert.Equal(new Dictionary<int, decimal> { [2021] = 621m }, Seed.PastFundsByYear);
    }

    [Fact]
    public void Decimal_amounts_add_up_exactly()
    {
        var content = SeedLetter.Content();
        content.Tasks[0].Total = 0.1m;
        content.Tasks[0].PlanYearNeed = 0.1m;
        content.Tasks[1].Total = 0.2m;
        content.Tasks[1].PlanYearNeed = 0.2m;
        var summary = BudgetSummary.Compute(content, FundingSource.Defaults);
        Assert.Equal(200.3m, summary.PeriodTotal);
        Assert.Equal(50.3m, summary.PlanYearTotal);
    }
}
