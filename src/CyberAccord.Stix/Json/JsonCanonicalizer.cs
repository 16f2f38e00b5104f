using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CyberAccord.Stix.Json;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme: members sorted by their UTF-16 code units, no white space,
/// minimal string escaping, numbers in ECMAScript's shortest round-trip form. This is the form the
/// accord signs and the form STIX hashes for deterministic SCO identifiers.
/// </summary>
public static class JsonCanonicalizer
{
    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Unicode(() => Write(element, buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A document not parsed by <see cref="StixJson"/> may hold a lone-surrogate escape, which cannot be read as a string:
    /// that is bad input, so it surfaces as the same exception as every other JSON fault, not as an InvalidOperationException.
    /// </summary>
    private static void Unicode(Action write)
    {
        try
        {
            write();
        }
        catch (InvalidOperationException e) when (e.Message.Contains("UTF-16", StringComparison.Ordinal))
        {
            throw new StixJsonException($"a string or member name is not valid Unicode: {e.Message}", null, null);
        }
    }

    /// <summary>The canonical form of an object without some of its top-level members (for example a signature).</summary>
    public static byte[] CanonicalizeWithout(JsonElement element, params string[] excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("only an object has members to leave out", nameof(element));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        Unicode(() => WriteObject(element, buffer, excluded));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Members sorted by their UTF-16 code units (RFC 8785 §3.2.3), leaving out <paramref name="excluded"/>.</summary>
    private static void WriteObject(JsonElement element, IBufferWriter<byte> output, string[] excluded)
    {
        var members = new List<(string Name, JsonElement Value)>();
        foreach (var property in element.EnumerateObject())
        {
            if (excluded.Length == 0 || Array.IndexOf(excluded, property.Name) < 0)
            {
                members.Add((property.Name, property.Value));
            }
        }

        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        WriteByte(output, (byte)'{');
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                WriteByte(output, (byte)',');
            }

            WriteString(members[i].Name, output);
            WriteByte(output, (byte)':');
            Write(members[i].Value, output);
        }

        WriteByte(output, (byte)'}');
    }

    public static string CanonicalizeToString(JsonElement element) => Encoding.UTF8.GetString(Canonicalize(element));

    /// <summary>Parses (strictly) and canonicalizes.</summary>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> json)
    {
        using var document = StixJson.Parse(json);
        return Canonicalize(document.RootElement);
    }

    public static void Write(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output, []);
                break;
            case JsonValueKind.Array:
                WriteByte(output, (byte)'[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        WriteByte(output, (byte)',');
                    }

                    first = false;
                    Write(item, output);
                }

                WriteByte(output, (byte)']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    throw new StixJsonException(
                        $"number {element.GetRawText()} is outside the IEEE 754 double range JCS requires", null, null);
                }

                WriteAscii(FormatNumber(number), output);
                break;
            case JsonValueKind.True:
                WriteAscii("true", output);
                break;
            case JsonValueKind.False:
                WriteAscii("false", output);
                break;
            case JsonValueKind.Null:
                WriteAscii("null", output);
                break;
            default:
                throw new ArgumentException($"cannot canonicalize a {element.ValueKind}", nameof(element));
        }
    }

    /// <summary>ECMAScript Number::toString for a finite double (ECMA-262 §6.1.6.1.20), as RFC 8785 §3.2.2.3 requires.</summary>
    public static string FormatNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        // .NET's "R" gives the shortest digits that round-trip; only the layout differs from ECMAScript.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? text.Remove(dot, 1) : text;
        var pointAt = (dot >= 0 ? dot : text.Length) + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        pointAt -= leadingZeros;
        digits = digits.TrimEnd('0');

        // value = 0.d1d2…dk × 10^n with k digits.
        var k = digits.Length;
        var n = pointAt;
        var builder = new StringBuilder(32);
        if (negative)
        {
            builder.Append('-');
        }

        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            builder.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static void WriteString(string value, IBufferWriter<byte> output)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        var text = builder.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static void WriteAscii(string text, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        output.Advance(text.Length);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
