using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.State;

/// <summary>Reads a record body field by field; every failure names the JSON path and what was expected.</summary>
internal sealed class BodyReader(JsonObject body, string path = "$.body")
{
    public JsonObject Json => body;

    private RecordRejectedException Fail(string name, string message) => new($"{path}.{name}", message);

    public string Required(string name) => Optional(name) ?? throw Fail(name, $"'{name}' is required");

    public string? Optional(string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (text.Length == 0)
            {
                throw Fail(name, $"'{name}' must not be empty");
            }

            return text;
        }

        throw Fail(name, $"'{name}' must be a string");
    }

    public string OneOf(string name, IReadOnlyCollection<string> allowed, string? fallback = null)
    {
        var value = fallback is null ? Required(name) : Optional(name) ?? fallback;
        if (!allowed.Contains(value))
        {
            throw Fail(name, $"'{value}' is not one of: {string.Join(", ", allowed)}");
        }

        return value;
    }

    public string? OptionalOneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var value = Optional(name);
        if (value is not null && !allowed.Contains(value))
        {
            throw Fail(name, $"'{value}' is not one of: {string.Join(", ", allowed)}");
        }

        return value;
    }

    public DateTime RequiredTime(string name) =>
        OptionalTime(name) ?? throw Fail(name, $"'{name}' is required (an RFC 3339 UTC timestamp)");

    public DateTime? OptionalTime(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return Timestamps.TryParse(text, out var time) >= 0
            ? time
            : throw Fail(name, $"'{text}' is not an RFC 3339 UTC timestamp such as 2015-09-25T00:00:00Z");
    }

    public IReadOnlyList<string> Strings(string name, bool required = false, IReadOnlyCollection<string>? allowed = null)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return required ? throw Fail(name, $"'{name}' is required (a list)") : [];
        }

        if (node is not JsonArray array)
        {
            throw Fail(name, $"'{name}' must be a list of strings");
        }

        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
            {
                throw new RecordRejectedException($"{path}.{name}[{i}]", "must be a non-empty string");
            }

            if (allowed is not null && !allowed.Contains(text))
            {
                throw new RecordRejectedException($"{path}.{name}[{i}]", $"'{text}' is not one of: {string.Join(", ", allowed)}");
            }

            values.Add(text);
        }

        if (required && values.Count == 0)
        {
            throw Fail(name, $"'{name}' must not be empty");
        }

        return values;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        // A body built in code holds the number as whatever integer type it was made from; a parsed one as JSON.
        if (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && long.TryParse(
                value.ToJsonString(),
                System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture,
                out var number)
            && number >= min && number <= max)
        {
            return (int)number;
        }

        throw Fail(name, $"'{name}' must be an integer from {min} to {max}");
    }

    public bool Boolean(string name, bool fallback)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return fallback;
        }

        return node is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw Fail(name, $"'{name}' must be true or false");
    }

    public IEnumerable<BodyReader> Objects(string name, bool required = false)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required)
            {
                throw Fail(name, $"'{name}' is required (a list of objects)");
            }

            yield break;
        }

        if (node is not JsonArray array)
        {
            throw Fail(name, $"'{name}' must be a list of objects");
        }

        for (var i = 0; i < array.Count; i++)
        {
            yield return array[i] is JsonObject item
                ? new BodyReader(item, $"{path}.{name}[{i}]")
                : throw new RecordRejectedException($"{path}.{name}[{i}]", "must be an object");
        }
    }

    public BodyReader? Object(string name) =>
        body[name] switch
        {
            null => null,
            JsonObject item => new BodyReader(item, $"{path}.{name}"),
            _ => throw Fail(name, $"'{name}' must be an object"),
        };

    public RecordRejectedException Error(string name, string message) => Fail(name, message);
}
