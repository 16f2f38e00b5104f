using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CyberAccord.Stix.Json;

namespace CyberAccord.Stix.Tests.Json;

public sealed class JsonCanonicalizerTests
{
    private static readonly System.Text.Json.JsonElement Vectors = TestData.Json("jcs/jcs-vectors.json");

    [Fact]
    public void Numbers_format_exactly_as_ecmascript_does_for_two_thousand_bit_patterns()
    {
        var checkedCount = 0;
        foreach (var vector in Vectors.GetProperty("numbers").EnumerateArray())
        {
            var bits = ulong.Parse(vector.GetProperty("bits").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var value = BitConverter.UInt64BitsToDouble(bits);
            Assert.Equal(vector.GetProperty("text").GetString(), JsonCanonicalizer.FormatNumber(value));
            checkedCount++;
        }

        Assert.True(checkedCount > 2000);
    }

    [Fact]
    public void Structures_canonicalize_as_the_reference_implementation_does()
    {
        foreach (var vector in Vectors.GetProperty("structures").EnumerateArray())
        {
            var canonical = JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(vector.GetProperty("input").GetString()!));
            Assert.Equal(vector.GetProperty("canonical").GetString(), Encoding.UTF8.GetString(canonical));
        }
    }

    [Fact]
    public void Member_order_follows_utf16_code_units_not_code_points()
    {
        // U+1F600 is a surrogate pair starting 0xD83D, which sorts before U+FB33 in UTF-16 though it is the larger code point.
        var canonical = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize("{\"\uFB33\":1,\"\U0001F600\":2}"u8.ToArray()));
        Assert.Equal("{\"\U0001F600\":2,\"\uFB33\":1}", canonical);
    }

    [Fact]
    public void Canonical_form_is_a_fixed_point()
    {
        var once = JsonCanonicalizer.Canonicalize("{ \"b\" : [1.0, 2E1, \"\\u0041\"], \"a\" : {} }"u8.ToArray());
        Assert.Equal("{\"a\":{},\"b\":[1,20,\"A\"]}", Encoding.UTF8.GetString(once));
        Assert.Equal(once, JsonCanonicalizer.Canonicalize(once));
    }

    [Fact]
    public void Numbers_beyond_double_range_are_refused()
    {
        var e = Assert.Throws<StixJsonException>(() => JsonCanonicalizer.Canonicalize("[1e400]"u8.ToArray()));
        Assert.Contains("1e400", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_and_negative_zero_are_both_written_as_zero()
    {
        Assert.Equal("0", JsonCanonicalizer.FormatNumber(0.0));
        Assert.Equal("0", JsonCanonicalizer.FormatNumber(BinaryPrimitives.ReadDoubleBigEndian([0x80, 0, 0, 0, 0, 0, 0, 0])));
    }
}
