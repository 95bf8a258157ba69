using System.Globalization;
using ApprovalFlow.Budget;
using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.Budget;

[Trait(TestDatabase.Trait, TestDatabase.None)]
public sealed class AmountsTests
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");
    private static readonly CultureInfo English = new("en-US");

    [Theory]
    [InlineData(1250.5, "1.250,5", "1,250.5")]
    [InlineData(408, "408", "408")]
    [InlineData(1234567.891, "1.234.567,891", "1,234,567.891")]
    [InlineData(0, "0", "0")]
    public void Formats_the_Vietnamese_way_and_the_English_way(double value, string vietnamese, string english)
    {
        var amount = (decimal)value;
        Assert.Equal(vietnamese, Amounts.Format(amount, Vietnamese));
        Assert.Equal(english, Amounts.Format(amount, English));
    }

    [Theory]
    [InlineData("1.250,5", 1250.5)]
    [InlineData("1250,5", 1250.5)]
    [InlineData(" 48 ", 48)]
    [InlineData("1.000.000", 1000000)]
    [InlineData("-3", -3)]
    public void Parses_Vietnamese_input(string text, double expected)
    {
        Assert.True(Amounts.TryParse(text, Vietnamese, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("1,250.5", 1250.5)]
    [InlineData("1250.5", 1250.5)]
    public void Parses_English_input(string text, double expected)
    {
        Assert.True(Amounts.TryParse(text, English, out var amount));
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("1.5")] // would be fifteen to a lenient parser: a misplaced group separator is refused
    [InlineData("1.25.0")]
    [InlineData("1,2,3")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    public void Refuses_what_is_not_an_amount_in_Vietnamese(string text) =>
        Assert.False(Amounts.TryParse(text, Vietnamese, out _));
}
