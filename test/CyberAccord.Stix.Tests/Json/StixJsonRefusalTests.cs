using System.Text;
using CyberAccord.Stix.Json;

namespace CyberAccord.Stix.Tests.Json;

/// <summary>Issue 11: JSON that parsed but failed later (canonicalizing, reading a string) and so answered 500s.</summary>
public sealed class StixJsonRefusalTests
{
    [Theory]
    [InlineData("a number beyond the double range", "{\"n\":1e400}", "outside the range of an IEEE 754 double")]
    [InlineData("a negative number beyond the double range", "{\"a\":[1,\n-1e309]}", "line 2, byte 1: number -1e309")]
    [InlineData("a lone high surrogate escape", "{\"s\":\"\\ud800\"}", "lone surrogate")]
    [InlineData("a lone low surrogate escape", "{\"s\":\"x\\udc00y\"}", "lone surrogate")]
    [InlineData("a lone surrogate in a member name", "{\"\\ud800\":1}", "member name has a \\u escape")]
    [InlineData("a high surrogate followed by a plain character", "{\"s\":\"\\ud800a\"}", "lone surrogate")]
    public void Json_that_no_reader_could_use_is_refused_naming_where(string name, string json, string expected)
    {
        var e = Assert.Throws<StixJsonException>(() => StixJson.Parse(Encoding.UTF8.GetBytes(json), "body"));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {e.Message}");
        Assert.StartsWith("body: line ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"n\":1.7976931348623157e308}")]
    [InlineData("{\"n\":1e-400}")]
    [InlineData("{\"s\":\"\\ud83d\\ude00\"}")]
    [InlineData("{\"s\":\"\\u00e9\\n\"}")]
    public void Json_within_range_with_paired_surrogates_is_accepted(string json)
    {
        using var document = StixJson.Parse(Encoding.UTF8.GetBytes(json));
        Assert.NotEmpty(JsonCanonicalizer.Canonicalize(document.RootElement));
    }

    [Fact]
    public void Invalid_utf8_is_refused_naming_its_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"s\":\"ab\"}");
        bytes[7] = 0xFF;
        var e = Assert.Throws<StixJsonException>(() => StixJson.Parse(bytes));
        Assert.Contains("offset 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("0xFF", e.Message, StringComparison.Ordinal);
    }
}

public sealed class CanonicalizerRefusalTests
{
    [Theory]
    [InlineData("a lone surrogate in a string", "{\"s\":\"\\ud800\"}")]
    [InlineData("a lone surrogate in a member name", "{\"\\udc00\":1}")]
    public void Canonicalizing_a_document_parsed_elsewhere_with_a_lone_surrogate_is_refused_as_bad_json(string name, string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var e = Assert.Throws<StixJsonException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));
        Assert.True(e.Message.Contains("not valid Unicode", StringComparison.Ordinal), $"{name}: {e.Message}");
    }
}
