using ApprovalFlow.Organization;

namespace ApprovalFlow.Seeding;

/// <summary>
/// The province's organisation directory for the demo: Quảng Ngãi as it was in 2022, with the 2025 renames.
/// A new instance has new ids, so that every database seeded gets agencies of its own.
/// </summary>
internal sealed class DemoAgencies
{
    private const string ProvinceHeader = "UBND TỈNH QUẢNG NGÃI";
    private const string Place = "Quảng Ngãi";
    private static readonly DateOnly Since = new(2020, 1, 1);

    /// <summary>From 1/3/2025 the Sở TTTT merged into the Sở Khoa học và Công nghệ and the Ban Dân tộc became a Sở.</summary>
    private static readonly DateOnly Reorganisation = new(2025, 3, 1);

    public DemoAgencies()
    {
        Province = Create("UBND", null,
        Profile("Ủy ban nhân dân tỉnh Quảng Ngãi", "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "UBND tỉnh", "UBND", "CHỦ TỊCH", parent: null, isProvince: true));
        Ict = Create("STTTT", Province.Id,
        Profile("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông", "STTTT", "GIÁM ĐỐC", isReviewer: true, until: Reorganisation.AddDays(-1)),
        Profile("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ", "SKHCN", "GIÁM ĐỐC", isReviewer: true, from: Reorganisation));
        EthnicAffairs = Create("BDT", Province.Id,
        Profile("Ban Dân tộc tỉnh Quảng Ngãi", "BAN DÂN TỘC", "Ban Dân tộc tỉnh", "BDT", "TRƯỞNG BAN", until: Reorganisation.AddDays(-1)),
        Profile("Sở Dân tộc và Tôn giáo tỉnh Quảng Ngãi", "SỞ DÂN TỘC VÀ TÔN GIÁO", "Sở Dân tộc và Tôn giáo", "SDTTG", "GIÁM ĐỐC", from: Reorganisation));
        Departments =
        [
            Create("STC", Province.Id, Profile("Sở Tài chính tỉnh Quảng Ngãi", "SỞ TÀI CHÍNH", "Sở Tài chính", "STC", "GIÁM ĐỐC")),
            Create("SYT", Province.Id, Profile("Sở Y tế tỉnh Quảng Ngãi", "SỞ Y TẾ", "Sở Y tế", "SYT", "GIÁM ĐỐC")),
            Create("SGDDT", Province.Id, Profile("Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo", "SGDĐT", "GIÁM ĐỐC")),
            Create("STP", Province.Id, Profile("Sở Tư pháp tỉnh Quảng Ngãi", "SỞ TƯ PHÁP", "Sở Tư pháp", "STP", "GIÁM ĐỐC")),
            Create("SNV", Province.Id, Profile("Sở Nội vụ tỉnh Quảng Ngãi", "SỞ NỘI VỤ", "Sở Nội vụ", "SNV", "GIÁM ĐỐC")),
        ];
    }

    /// <summary>UBND tỉnh: decides.</summary>
    public Agency Province { get; }

    /// <summary>The ICT department: issues the request and reviews.</summary>
    public Agency Ict { get; }

    /// <summary>The seed letter's sender.</summary>
    public Agency EthnicAffairs { get; }

    /// <summary>Other departments that receive the request.</summary>
    public IReadOnlyList<Agency> Departments { get; }

    public IEnumerable<Agency> All => [Province, Ict, EthnicAffairs, .. Departments];

    private static Agency Create(string code, Guid? parentId, params Func<Guid, AgencyProfile>[] profiles)
    {
        var agency = new Agency { Code = code, ParentId = parentId };
        agency.Profiles.AddRange(profiles.Select(p => p(agency.Id)));
        return agency;
    }

    private static Func<Guid, AgencyProfile> Profile(
        string name, string header, string shortName, string abbreviation, string headTitle,
        string? parent = ProvinceHeader, bool isReviewer = false, bool isProvince = false, DateOnly? from = null, DateOnly? until = null) =>
        agencyId => new AgencyProfile
        {
            AgencyId = agencyId,
            ValidFrom = from ?? Since,
            ValidTo = until,
            Name = name,
            HeaderName = header,
            ShortName = shortName,
            Abbreviation = abbreviation,
            ParentHeaderName = parent,
            Place = Place,
            HeadTitle = headTitle,
            IsReviewingAgency = isReviewer,
            IsProvince = isProvince,
        };
}
