using System.Globalization;
using System.Resources;

namespace ApprovalFlow.Proposals;

/// <summary>The validation messages, Vietnamese by default and English in an English UI culture.</summary>
public static class ValidationMessages
{
    private static readonly ResourceManager Resources = new(typeof(ValidationMessages));

    /// <summary>The message <paramref name="key"/> in the current UI culture, formatted with <paramref name="args"/>.</summary>
    public static string Get(string key, params object[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var template = Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing validation message '{key}'.");
        return string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
