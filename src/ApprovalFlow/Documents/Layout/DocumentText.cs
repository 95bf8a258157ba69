using System.Globalization;
using System.Text;

namespace ApprovalFlow.Documents.Layout;

/// <summary>What may reach a document from user input: composed Unicode (TCVN 6909 is NFC), no control characters.</summary>
public static class DocumentText
{
    /// <summary>
    /// Normalises to NFC, so that a letter typed with combining accents ("a" + U+0309) prints as the precomposed glyph
    /// the font carries; turns tabs into spaces and drops other control and format characters, which no font draws.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var category = char.GetUnicodeCategory(c);
            if (c is '\t')
            {
                builder.Append(' ');
            }
            else if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The non-empty lines of a multi-line field, each cleaned and trimmed.</summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(line => Clean(line).Trim()).Where(line => line.Length > 0);
}
