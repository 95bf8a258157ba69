using ApprovalFlow.Budget;
using ApprovalFlow.Documents.Letters;
using ApprovalFlow.Proposals;
using ApprovalFlow.Seeding;
using ApprovalFlow.Tests.Fixtures;

namespace ApprovalFlow.Tests.Documents;

/// <summary>Letters to render: the seed, a long one, a hostile one.</summary>
internal static class DocumentSamples
{
    private static readonly DemoAgencies Agencies = new();

    /// <summary>The seed letter of 14/02/2022 as the system renders it.</summary>
    public static ProposalLetterData Seed() => Letter(SeedLetter.Content());

    public static ProposalLetterData Letter(ProposalContent content) =>
        new(content, SeedLetter.Request(), Agencies.EthnicAffairs.ProfileOn(new DateOnly(2022, 2, 14))!, FundingSource.Defaults, content.Date, 2022);

    /// <summary>The seed's content with <paramref name="count"/> tasks of long texts, each a different size.</summary>
    public static ProposalContent ManyTasks(int count)
    {
        var content = SeedLetter.Content();
        var template = content.Tasks[2];
        content.Tasks = [.. Enumerable.Range(1, count).Select(i => new ProposedTask
        {
            Name = $"Nhiệm vụ số {i}: " + string.Join(" ", Enumerable.Repeat("xây dựng, nâng cấp hệ thống thông tin", 1 + (i % 4))),
            ImplementingUnit = template.ImplementingUnit,
            LegalBasis = template.LegalBasis,
            Objective = string.Join(" ", Enumerable.Repeat(template.Objective, 1 + (i % 3))),
            Content = string.Join(" ", Enumerable.Repeat("Triển khai, vận hành và bảo trì hệ thống phục vụ người dân, doanh nghiệp.", 1 + (i % 5))),
            Scope = ["Toàn bộ máy vi tính cơ quan", "Máy chủ"],
            StartYear = 2022,
            EndYear = 2025,
            Total = 40 + i,
            YearSplit = [new() { Year = 2022, Amount = 10 + i }, new() { Year = 2023, Amount = 10 }, new() { Year = 2024, Amount = 10 }, new() { Year = 2025, Amount = 10 }],
            PlanYearNeed = 10 + i,
            FundingSource = "NS_TINH",
            Necessity = template.Necessity,
        })];
        return content;
    }
}
