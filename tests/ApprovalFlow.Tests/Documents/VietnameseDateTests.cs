using ApprovalFlow.Documents;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Documents;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class VietnameseDateTests
{
    [Theory]
    [InlineData(2022, 2, 14, "Quảng Ngãi, ngày 14 tháng 02 năm 2022")] // the seed letter
    [InlineData(2022, 1, 5, "Quảng Ngãi, ngày 05 tháng 01 năm 2022")]
    [InlineData(2022, 3, 9, "Quảng Ngãi, ngày 09 tháng 3 năm 2022")]
    [InlineData(2022, 12, 31, "Quảng Ngãi, ngày 31 tháng 12 năm 2022")]
    public void Writes_the_date_line_as_Decree_30_prescribes(int year, int month, int day, string expected) =>
        Assert.Equal(expected, VietnameseDate.PlaceAndDate("Quảng Ngãi", new DateOnly(year, month, day), 2030));

    [Fact]
    public void An_undated_letter_leaves_day_and_month_to_be_written_by_hand() =>
        Assert.Equal("Quảng Ngãi, ngày      tháng      năm 2026", VietnameseDate.PlaceAndDate("Quảng Ngãi", null, 2026));
}
