namespace ApprovalFlow.Organization;

/// <summary>What an agency is called and how it signs during a period; documents use the profile of their date.</summary>
public sealed class AgencyProfile
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AgencyId { get; init; }

    /// <summary>First day in force.</summary>
    public DateOnly ValidFrom { get; init; }

    /// <summary>Last day in force; null while current.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Full name, e.g. "Ban Dân tộc tỉnh Quảng Ngãi" (tên cơ quan).</summary>
    public required string Name { get; init; }

    /// <summary>The name as it stands in a document header, e.g. "BAN DÂN TỘC".</summary>
    public required string HeaderName { get; init; }

    /// <summary>How the agency names itself in prose, e.g. "Ban Dân tộc tỉnh".</summary>
    public required string ShortName { get; init; }

    /// <summary>Abbreviation used in document numbers (chữ viết tắt), e.g. "BDT" in "15/BDT-VP".</summary>
    public required string Abbreviation { get; init; }

    /// <summary>The governing body's header line (cơ quan chủ quản), e.g. "UBND TỈNH QUẢNG NGÃI"; null for the province.</summary>
    public string? ParentHeaderName { get; init; }

    /// <summary>Place name in the date line (địa danh), e.g. "Quảng Ngãi".</summary>
    public required string Place { get; init; }

    /// <summary>The head's title as it signs (chức vụ người ký), e.g. "TRƯỞNG BAN", "GIÁM ĐỐC".</summary>
    public required string HeadTitle { get; init; }

    /// <summary>Whether this agency reviews (thẩm định) the proposals: the ICT department, since 3/2025 the Sở KH&amp;CN.</summary>
    public bool IsReviewingAgency { get; init; }

    /// <summary>Whether this is the province's People's Committee, which decides.</summary>
    public bool IsProvince { get; init; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
