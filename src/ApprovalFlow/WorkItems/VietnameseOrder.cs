using System.Globalization;

namespace ApprovalFlow.WorkItems;

/// <summary>Names and titles sort as a Vietnamese reader expects (A, Ă, Â, B…), not by code point.</summary>
public static class VietnameseOrder
{
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
}
