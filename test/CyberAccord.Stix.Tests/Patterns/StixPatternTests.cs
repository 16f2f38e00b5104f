using CyberAccord.Stix.Patterns;

namespace CyberAccord.Stix.Tests.Patterns;

/// <summary>Patterns the OASIS grammar accepts and rejects, from the specification's examples and the grammar's edges.</summary>
public sealed class StixPatternTests
{
    [Theory]
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")]
    [InlineData("[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4']")]
    [InlineData("[email-message:from_ref.value MATCHES '.+@example\\\\.com$' AND " +
                "email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']")]
    [InlineData("[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR " +
                "ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']")]
    [InlineData("[domain-name:value = 'example.com'] FOLLOWEDBY [url:value = 'http://example.com/foo']")]
    [InlineData("([file:name = 'foo.dll'] AND [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR " +
                "[process:name = 'fooproc' OR process:name = 'procfoo']")]
    [InlineData("[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.MD5 = '1234'] WITHIN 300 SECONDS")]
    [InlineData("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32'] " +
                "REPEATS 5 TIMES WITHIN 180 SECONDS")]
    [InlineData("[file:name = 'x'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'")]
    [InlineData("[network-traffic:dst_port NOT IN (22, 80, 443)]")]
    [InlineData("[network-traffic:dst_port IN ()]")]
    [InlineData("[file:size > 1024 AND file:size <= -1 AND file:size >= +3.5]")]
    [InlineData("[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=' OR artifact:payload_bin = b'YWJj']")]
    [InlineData("[file:magic_number_hex = h'ffd8']")]
    [InlineData("[x509-certificate:validity_not_before < t'2016-01-01T00:00:00.123Z']")]
    [InlineData("[windows-registry-key:values[0].data = 'x' AND windows-registry-key:values[-1].name != 'y']")]
    [InlineData("[user-account:is_privileged = true AND user-account:is_disabled = false]")]
    [InlineData("[(file:name = 'a' OR file:name = 'b') AND file:size < 10]")]
    [InlineData("[network-traffic:src_ref.value ISSUBSET '192.168.0.0/16'] AND [ipv4-addr:value ISSUPERSET '10.0.0.0/8']")]
    [InlineData("[file:name LIKE 'report%.pdf'] /* a comment */ OR [file:name LIKE 'x_'] // trailing comment")]
    [InlineData("[file:'name' = 'x']")]
    [InlineData("[file:name == 'x' AND file:name <> 'y']")]
    [InlineData("[file:name = 'it\\'s']")]
    [InlineData("[x-acme-thing:x_score > 5.0]")]
    [InlineData("[file:name = 'x'] WITHIN 2.5 SECONDS")]
    [InlineData("  \t[file:name = 'x']\u00a0\u3000")]
    public void Valid_patterns_are_accepted(string pattern) => Assert.Null(StixPattern.Check(pattern));

    [Theory]
    [InlineData("")]
    [InlineData("file:name = 'x'")]
    [InlineData("[file:name = 'x'")]
    [InlineData("[file:name = 'x']]")]
    [InlineData("[file:name 'x']")]
    [InlineData("[file:name = x]")]
    [InlineData("[file name = 'x']")]
    [InlineData("[:name = 'x']")]
    [InlineData("[file: = 'x']")]
    [InlineData("[file:hashes.SHA-256 = 'x']")]
    [InlineData("[file:name = 'x' and file:size = 1]")]
    [InlineData("[file:name = 'x'] followedby [file:name = 'y']")]
    [InlineData("[file:name = 'x] ")]
    [InlineData("[file:name = 'x'] WITHIN 5")]
    [InlineData("[file:name = 'x'] WITHIN -5 SECONDS")]
    [InlineData("[file:name = 'x'] REPEATS 2.5 TIMES")]
    [InlineData("[file:name = 'x'] START t'2016-13-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'")]
    [InlineData("[file:name = 'x'] START 5 STOP 6")]
    [InlineData("[file:size > true]")]
    [InlineData("[file:name LIKE 5]")]
    [InlineData("[file:name IN ('a',)]")]
    [InlineData("[file:name IN 'a']")]
    [InlineData("[artifact:payload_bin = b'abc']")]
    [InlineData("[artifact:payload_bin = b'a===']")]
    [InlineData("[file:magic_number_hex = h'fff']")]
    [InlineData("[file:name = 'x'] AND")]
    [InlineData("[file:name = 'x'] OR OR [file:name = 'y']")]
    [InlineData("[]")]
    [InlineData("[file:values[*x] = 'a']")]
    [InlineData("[file:values[1.5] = 'a']")]
    [InlineData("[file:name = 'x'] 'extra'")]
    [InlineData("[file:name = 'x'] LAST 5 SECONDS")]
    [InlineData("[file:name = 'a\\x']")]
    [InlineData("[file:name ~ 'x']")]
    [InlineData("[file:name = 'x'] WITHIN 5 seconds")]
    [InlineData("([file:name = 'x']")]
    [InlineData("[file:size = 007]")]
    [InlineData("[file:created = t'2016-01-01 00:00:00Z']")]
    public void Invalid_patterns_are_rejected_with_a_position(string pattern)
    {
        var error = StixPattern.Check(pattern);
        Assert.NotNull(error);
        Assert.InRange(error.Offset, 0, pattern.Length);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
