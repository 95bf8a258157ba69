using ApprovalFlow.Proposals;
using ApprovalFlow.Requests;

namespace ApprovalFlow.Tests.Fixtures;

/// <summary>The seed document: the Ban Dân tộc's reply of 14/02/2022 to request 113/STTTT-BCVT&amp;CNTT.</summary>
public static class SeedLetter
{
    public static string Json() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ban-dan-toc-2022.json"));

    public static ProposalContent Content() => ProposalJson.Deserialize(Json());

    /// <summary>The request as the demo database holds it: plan 2022–2025, plan year 2022, past years 2020–2021.</summary>
    public static BudgetRequest Request() => new()
    {
        Number = "113/STTTT-BCVT&CNTT",
        Date = new DateOnly(2022, 1, 28),
        Subject = "thực hiện rà soát, đánh giá lại nhiệm vụ, kinh phí đã bố trí để phát triển chính quyền điện tử, chuyển đổi số",
        PlanPeriod = new YearRange(2022, 2025),
        PlanYear = 2022,
        PastYears = new YearRange(2020, 2021),
        Deadline = new DateOnly(2022, 2, 18),
        Status = RequestStatus.Published,
    };
}
