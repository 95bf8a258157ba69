namespace ApprovalFlow.Budget;

/// <summary>A funding source (nguồn vốn) that tasks may name; the list is data, with the provincial budget first.</summary>
public sealed class FundingSource
{
    /// <summary>Stable code stored on tasks, e.g. <c>NS_TINH</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Full name, e.g. "Ngân sách nhà nước tỉnh".</summary>
    public required string Name { get; set; }

    /// <summary>As the summary table prints it, e.g. "NS tỉnh".</summary>
    public required string ShortName { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The sources seeded on an empty database (research notes §3.1).</summary>
    public static IReadOnlyList<FundingSource> Defaults { get; } =
    [
        new() { Code = "NS_TINH", Name = "Ngân sách nhà nước tỉnh", ShortName = "NS tỉnh", SortOrder = 1 },
        new() { Code = "NS_TW", Name = "Ngân sách trung ương", ShortName = "NS TW", SortOrder = 2 },
        new() { Code = "NS_XA", Name = "Ngân sách cấp xã", ShortName = "NS xã", SortOrder = 3 },
        new() { Code = "KHAC", Name = "Nguồn khác (xã hội hóa)", ShortName = "Nguồn khác", SortOrder = 4 },
    ];
}
