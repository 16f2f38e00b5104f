using System.Text;
using System.Text.Json;

namespace CyberAccord.Stix.Json;

/// <summary>
/// Strict JSON for STIX: UTF-8 only, no comments or trailing commas, no duplicate member names,
/// bounded depth. Failures say where (line, byte, JSON path) and what.
/// </summary>
public static class StixJson
{
    /// <summary>Deeper nesting than any STIX object needs, shallow enough that no input can exhaust the stack.</summary>
    public const int MaxDepth = 64;

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses one JSON document; throws <see cref="StixJsonException"/> naming the position or path at fault.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8, string? source = null, long lineOffset = 0)
    {
        // System.Text.Json checks UTF-8 in strings only when they are read; check it all up front instead.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            var offset = FirstInvalidUtf8(utf8.Span);
            var line = 1 + utf8.Span[..offset].Count((byte)'\n');
            var column = offset - (utf8.Span[..offset].LastIndexOf((byte)'\n') + 1) + 1;
            var where = source is null ? string.Empty : source + ": ";
            throw new StixJsonException(
                $"{where}line {line + lineOffset}, byte {column} (offset {offset}): not valid UTF-8 (byte 0x{utf8.Span[offset]:X2})",
                line + lineOffset,
                null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Describe(e, utf8, source, lineOffset);
        }
        catch (InvalidOperationException)
        {
            // Checking for duplicate names reads each name, and a name with a lone surrogate cannot be read: say where it is.
            CheckValues(utf8.Span, source, lineOffset);
            throw new StixJsonException($"{(source is null ? string.Empty : source + ": ")}a member name is not valid Unicode", null, null);
        }

        try
        {
            CheckValues(utf8.Span, source, lineOffset);
        }
        catch
        {
            document.Dispose();
            throw;
        }

        return document;
    }

    /// <summary>
    /// Refuses what System.Text.Json accepts but nothing downstream can use: numbers outside the IEEE 754 double range (RFC 8785
    /// canonicalization, and so signing, needs a double) and <c>\u</c> escapes that leave a lone surrogate (no string holds one
    /// as Unicode text). Refused here, every reader of strict JSON answers a clear error instead of failing later.
    /// </summary>
    private static void CheckValues(ReadOnlySpan<byte> utf8, string? source, long lineOffset)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read())
        {
            string? problem = null;
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    var text = Encoding.UTF8.GetString(reader.ValueSpan);
                    problem = $"number {(text.Length > 40 ? text[..40] + "…" : text)} is outside the range of an IEEE 754 double";
                }
            }
            else if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    var what = reader.TokenType == JsonTokenType.PropertyName ? "member name" : "string";
                    problem = $"{what} has a \\u escape that is a lone surrogate, not a Unicode character";
                }
            }

            if (problem is not null)
            {
                var offset = (int)reader.TokenStartIndex;
                var line = 1 + utf8[..offset].Count((byte)'\n');
                var column = offset - (utf8[..offset].LastIndexOf((byte)'\n') + 1) + 1;
                var where = source is null ? string.Empty : source + ": ";
                throw new StixJsonException($"{where}line {line + lineOffset}, byte {column}: {problem}", line + lineOffset, null);
            }
        }
    }

    public static JsonDocument Parse(string json, string? source = null) => Parse(Encoding.UTF8.GetBytes(json), source);

    private static StixJsonException Describe(JsonException e, ReadOnlyMemory<byte> utf8, string? source, long lineOffset)
    {
        var where = source is null ? string.Empty : source + ": ";
        if (e.LineNumber is { } line)
        {
            return new StixJsonException(
                $"{where}line {line + 1 + lineOffset}, byte {e.BytePositionInLine + 1}: {Clean(e.Message)}", line + 1 + lineOffset, null);
        }

        // Duplicate names are reported without a position; find the first one ourselves.
        var duplicate = FindDuplicate(utf8);
        if (duplicate is not null)
        {
            return new StixJsonException(
                $"{where}{duplicate.Value.Path}: duplicate member name '{duplicate.Value.Name}'",
                duplicate.Value.Line + lineOffset,
                duplicate.Value.Path);
        }

        return new StixJsonException(where + Clean(e.Message), null, null);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        Span<char> scratch = stackalloc char[256];
        var offset = 0;
        while (offset < utf8.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(
                utf8[offset..], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return offset;
            }

            if (status == System.Buffers.OperationStatus.Done)
            {
                break;
            }
        }

        return Math.Min(offset, utf8.Length - 1);
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    private static (string Path, string Name, long Line)? FindDuplicate(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = MaxDepth });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Name = reader.GetString()!;
                        if (!frame.Names!.Add(frame.Name))
                        {
                            var line = 1 + utf8.Span[..(int)reader.TokenStartIndex].Count((byte)'\n');
                            return (ContainerPath(frames) + JsonPath.Member(frame.Name), frame.Name, line);
                        }

                        break;
                    case JsonTokenType.StartObject:
                        frames.Add(new Frame(isArray: false));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(isArray: true));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        AfterValue();
                        break;
                    default:
                        AfterValue();
                        break;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;

        void AfterValue()
        {
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                frames[^1].Index++;
            }
        }
    }

    private static string ContainerPath(List<Frame> frames)
    {
        var segments = new List<string>(frames.Count);
        for (var i = 1; i < frames.Count; i++)
        {
            var parent = frames[i - 1];
            segments.Add(parent.IsArray ? $"[{parent.Index}]" : JsonPath.Member(parent.Name!));
        }

        return JsonPath.Build(segments);
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public string? Name { get; set; }

        public HashSet<string>? Names { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);
    }
}

/// <summary>JSON paths in the form the validator reports: <c>$.objects[3].external_references[0].url</c>.</summary>
public static class JsonPath
{
    public static string Member(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? "." + name
            : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Build(IEnumerable<string> segments) => "$" + string.Concat(segments);
}

/// <summary>Input is not acceptable JSON; the message says where.</summary>
public sealed class StixJsonException(string message, long? line, string? path) : Exception(message)
{
    public long? Line { get; } = line;

    public string? JsonPath { get; } = path;
}
