using ApprovalFlow.Organization;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Organization;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class AgencyProfileTests
{
    private static AgencyProfile Profile(string name, DateOnly from, DateOnly? to) => new()
    {
        Name = name,
        HeaderName = name.ToUpperInvariant(),
        ShortName = name,
        Abbreviation = "X",
        Place = "Quảng Ngãi",
        HeadTitle = "GIÁM ĐỐC",
        ValidFrom = from,
        ValidTo = to,
    };

    [Fact]
    public void The_name_in_force_on_a_date_is_the_one_used()
    {
        var agency = new Agency { Code = "STTTT" };
        agency.Profiles.Add(Profile("Sở Thông tin và Truyền thông", new(2020, 1, 1), new(2025, 2, 28)));
        agency.Profiles.Add(Profile("Sở Khoa học và Công nghệ", new(2025, 3, 1), null));

        Assert.Equal("Sở Thông tin và Truyền thông", agency.ProfileOn(new(2022, 1, 28))!.Name);
        Assert.Equal("Sở Thông tin và Truyền thông", agency.ProfileOn(new(2025, 2, 28))!.Name);
        Assert.Equal("Sở Khoa học và Công nghệ", agency.ProfileOn(new(2025, 3, 1))!.Name);
        Assert.Null(agency.ProfileOn(new(2019, 12, 31)));
    }
}
