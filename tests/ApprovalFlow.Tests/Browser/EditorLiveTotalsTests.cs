using Microsoft.Playwright;

namespace ApprovalFlow.Tests.Browser;

/// <summary>The editor in a real browser: section IV follows the tasks as they are typed, before anything is saved.</summary>
public sealed class EditorLiveTotalsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Section_IV_and_the_split_check_update_while_typing()
    {
        var page = await browser.SignInAsync("chuyenvien.bdt@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ban Dân tộc tỉnh Quảng Ngãi" }).ClickAsync();
        await page.GetByTestId("edit").ClickAsync();
        await page.GetByTestId("add-task").ClickAsync();
        await page.GetByTestId("add-task").ClickAsync();

        var tasks = page.Locator("[data-task]");
        await tasks.Nth(0).Locator("[data-field=name]").FillAsync("Phần mềm bản quyền diệt virus");
        await tasks.Nth(0).Locator("[data-field=endYear]").SelectOptionAsync("2025");
        await tasks.Nth(0).Locator("[data-field=total]").FillAsync("40");
        await tasks.Nth(0).Locator("[data-field=planYearNeed]").FillAsync("10");
        await tasks.Nth(1).Locator("[data-field=total]").FillAsync("1.250,5");
        await tasks.Nth(1).Locator("[data-field=planYearNeed]").FillAsync("250,5");

        var summary = page.GetByTestId("live-summary");
        await Assertions.Expect(summary.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(summary.Locator("tbody tr").Nth(0)).ToContainTextAsync("Phần mềm bản quyền diệt virus");
        await Assertions.Expect(summary.Locator("tbody tr").Nth(0)).ToContainTextAsync("2022 - 2025");
        await Assertions.Expect(page.GetByTestId("live-period-total")).ToHaveTextAsync("1.290,5");
        await Assertions.Expect(page.GetByTestId("live-plan-year-total")).ToHaveTextAsync("260,5");

        // A split that does not add up is flagged at once; one that does, is not.
        var splits = tasks.Nth(0).Locator("[data-field=split]");
        await splits.Nth(0).FillAsync("10");
        await splits.Nth(1).FillAsync("10");
        var check = tasks.Nth(0).Locator("[data-split-sum]");
        await Assertions.Expect(check).ToHaveTextAsync("Σ 20 / 40");
        await Assertions.Expect(check).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-danger"));
        await splits.Nth(2).FillAsync("10");
        await splits.Nth(3).FillAsync("10");
        await Assertions.Expect(check).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-danger"));

        // Something that is not an amount shows as "?" rather than a wrong total.
        await tasks.Nth(1).Locator("[data-field=total]").FillAsync("12a");
        await Assertions.Expect(page.GetByTestId("live-period-total")).ToHaveTextAsync("?");
        await BrowserFixture.KeepScreenshotAsync(page, "editor-live-totals");
    }

    [Fact]
    public async Task Pressing_Enter_in_a_box_saves_rather_than_removing_a_row()
    {
        var page = await browser.SignInAsync("chuyenvien.stc@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sở Tài chính tỉnh Quảng Ngãi" }).ClickAsync();
        await page.GetByTestId("edit").ClickAsync();
        await page.GetByTestId("add-task").ClickAsync();
        var name = page.Locator("[data-task] [data-field=name]");
        await name.FillAsync("Nâng cấp hạ tầng CNTT");
        await page.Locator("[data-task] [data-field=total]").FillAsync("48");
        await page.Locator("[data-task] [data-field=planYearNeed]").FillAsync("48");

        await name.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-task] [data-field=name]")).ToHaveValueAsync("Nâng cấp hạ tầng CNTT");
    }
}
