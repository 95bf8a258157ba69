using System.Globalization;

namespace ApprovalFlow.Documents.Docx;

/// <summary>Word's units: twentieths of a point (twips) and half-points for font sizes.</summary>
internal static class Twips
{
    /// <summary>The text width of an A4 page with 30 mm and 15 mm side margins.</summary>
    public static readonly int TextWidth = Millimetres(210 - 30 - 15);

    public static int Millimetres(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static string Points(double points) => ((int)Math.Round(points * 20)).ToString(CultureInfo.InvariantCulture);

    public static string HalfPoints(double size) => ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture);

    public static string Of(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
