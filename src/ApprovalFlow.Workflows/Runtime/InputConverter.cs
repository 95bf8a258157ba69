using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Workflows.Runtime;

/// <summary>Turns an evaluated expression (JSON) into an input property's type, leniently as designers type values.</summary>
internal static class InputConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public static object? Convert(JsonNode value, Type type, string inputName)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target == typeof(JsonNode))
            {
                return value;
            }

            if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            {
                if (target == typeof(string))
                {
                    return text;
                }

                if (target == typeof(bool))
                {
                    return bool.Parse(text);
                }

                if (target.IsEnum)
                {
                    return Enum.Parse(target, text, ignoreCase: true);
                }

                // A list or object typed as a JSON string ("[\"Approve\",\"Return\"]"), as Elsa writes Object literals.
                if (text.TrimStart().StartsWith('[') || text.TrimStart().StartsWith('{'))
                {
                    return JsonSerializer.Deserialize(text, type, Options);
                }
            }

            if (target == typeof(string))
            {
                return value.ToJsonString();
            }

            return value.Deserialize(type, Options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Input '{inputName}' could not be read as {target.Name}: {ex.Message}"), ex);
        }
    }
}
