using System.Globalization;

namespace ApprovalFlow.Documents;

/// <summary>Dates as Nghị định 30/2020/NĐ-CP writes them in a letter's place-and-date line.</summary>
public static class VietnameseDate
{
    /// <summary>
    /// "Quảng Ngãi, ngày 14 tháng 02 năm 2022": days below 10 and months below 3 take a leading zero, other
    /// months do not ("tháng 3" … "tháng 12"). A letter not yet dated leaves day and month blank, to be filled in by
    /// hand, in <paramref name="yearIfUndated"/>.
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly? date, int yearIfUndated)
    {
        if (date is not { } d)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{place}, ngày      tháng      năm {yearIfUndated}");
        }

        var day = d.Day.ToString(d.Day < 10 ? "00" : "0", CultureInfo.InvariantCulture);
        var month = d.Month.ToString(d.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {day} tháng {month} năm {d.Year}");
    }
}
