using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using CyberAccord.Stix.Json;

namespace CyberAccord.Stix.Tests.Json;

public sealed class JsonCanonicalizerTests
{
    private static readonly System.Text.Json.JsonElement Vectors = TestData.Json("jcs/jcs-vectors.json");

    public static TheoryData<string, string> NumberVectors()
    {
        var data = new TheoryData<string, string>();
        // The vector file repeats a few vectors; one case each (xUnit would skip the repeats as duplicate ids).
        var seen = new HashSet<(string, string)>();
        foreach (var vector in Vectors.GetProperty("numbers").EnumerateArray())
        {
            var (bits, text) = (vector.GetProperty("bits").GetString()!, vector.GetProperty("text").GetString()!);
            if (seen.Add((bits, text)))
            {
                data.Add(bits, text);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> StructureVectors()
    {
        var data = new TheoryData<string, string, string>();
        var index = 0;
        foreach (var vector in Vectors.GetProperty("structures").EnumerateArray())
        {
            data.Add($"structure {++index}", vector.GetProperty("input").GetString()!, vector.GetProperty("canonical").GetString()!);
        }

        return data;
    }

    [Fact]
    public void There_are_more_than_two_thousand_number_vectors()
    {
        Assert.True(Vectors.GetProperty("numbers").GetArrayLength() > 2000);
    }

    [Theory]
    [MemberData(nameof(NumberVectors))]
    public void Numbers_format_exactly_as_ecmascript_does_for_each_bit_pattern(string bits, string text)
    {
        var value = BitConverter.UInt64BitsToDouble(ulong.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.Equal(text, JsonCanonicalizer.FormatNumber(value));
    }

    [Theory]
    [MemberData(nameof(StructureVectors))]
    public void Structures_canonicalize_as_the_reference_implementation_does(string name, string input, string canonical)
    {
        var actual = JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(input));
        Assert.True(canonical == Encoding.UTF8.GetString(actual), $"{name}: {Encoding.UTF8.GetString(actual)}");
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
