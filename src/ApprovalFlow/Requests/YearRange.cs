using System.Globalization;
using System.Text.Json.Serialization;

namespace ApprovalFlow.Requests;

/// <summary>An inclusive range of calendar years, e.g. the plan period 2022–2025 or a task's period.</summary>
public readonly record struct YearRange(int From, int To)
{
    public static YearRange OneYear(int year) => new(year, year);

    [JsonIgnore]
    public bool IsValid => From > 0 && From <= To;

    [JsonIgnore]
    public bool IsSingleYear => From == To;

    public bool Contains(int year) => From <= year && year <= To;

    public bool Contains(YearRange other) => Contains(other.From) && Contains(other.To);

    [JsonIgnore]
    public IEnumerable<int> Years => Enumerable.Range(From, Math.Max(0, To - From + 1));

    /// <summary>As Vietnamese documents print it: "2022" or "2022 - 2025".</summary>
    public override string ToString() =>
        IsSingleYear ? From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{From} - {To}");
}
