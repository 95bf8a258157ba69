using System.Globalization;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Budget;

/// <summary>
/// Amounts in million VND as people type and read them: "1.250,5" in Vietnamese, "1,250.5" in English.
/// Parsing is strict about digit grouping, because a lenient parser reads "1.5" typed in Vietnamese as fifteen.
/// </summary>
public static partial class Amounts
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };
    private static readonly NumberFormatInfo English = new() { NumberDecimalSeparator = ".", NumberGroupSeparator = ",", NegativeSign = "-" };

    /// <summary>The number format for a culture: Vietnamese unless the culture is English.</summary>
    public static NumberFormatInfo FormatFor(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : Vietnamese;

    /// <summary>Formats with grouped thousands and only the decimals the value has, e.g. 1250.5 → "1.250,5".</summary>
    public static string Format(decimal amount, CultureInfo culture) => amount.ToString("#,##0.###", FormatFor(culture));

    /// <summary>Formats in the current UI culture; an empty string for a blank amount.</summary>
    public static string Format(decimal? amount) => amount is { } value ? Format(value, CultureInfo.CurrentUICulture) : "";

    /// <summary>
    /// Reads an amount typed in <paramref name="culture"/>'s convention. Accepts "1250,5", "1.250,5" and "-3"
    /// (the sign is left for validation to judge); rejects misplaced group separators and anything else.
    /// </summary>
    public static bool TryParse(string? text, CultureInfo culture, out decimal amount)
    {
        amount = 0;
        var trimmed = text?.Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var format = FormatFor(culture);
        var pattern = format == English ? EnglishPattern() : VietnamesePattern();
        return pattern.IsMatch(trimmed)
            && decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, format, out amount);
    }

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")]
    private static partial Regex VietnamesePattern();

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex EnglishPattern();
}
