using System.Text;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Streaming;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Tests.Streaming;

public sealed class StixDocumentReaderTests
{
    /// <summary>Forces the streaming path with a small buffer limit, so the tests exercise refills and growth.</summary>
    private static readonly StixReaderOptions Streaming = new() { StreamingThreshold = 0, MaxObjectBytes = 1 << 20 };

    private static async Task<(StixFileReport Report, List<ValidationIssue> Issues)> ValidateAsync(
        byte[] bytes, StixReaderOptions? options = null, bool seekable = true)
    {
        var issues = new List<ValidationIssue>();
        Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);
        var report = await StixFileValidator.ValidateAsync(stream, issues.Add, null, options ?? Streaming, CancellationToken.None);
        return (report, issues);
    }

    /// <summary>The two ways a document is read: streamed object by object, or parsed whole.</summary>
    public static TheoryData<string> ReadingModes() => ["streaming", "whole document"];

    private static StixReaderOptions OptionsFor(string mode) => mode switch
    {
        "streaming" => Streaming,
        "whole document" => new StixReaderOptions(),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a reading mode"),
    };

    [Theory]
    [InlineData("attack/ics-attack-18.1.json")]
    [InlineData("oasis/examples/threat-reports/apt1.json")]
    [InlineData("oasis/examples/threat-reports/poisonivy.json")]
    public async Task Streaming_and_whole_document_reading_find_the_same_objects_and_issues(string file)
    {
        var bytes = File.ReadAllBytes(TestData.PathOf("stix/" + file));
        var (streamed, streamedIssues) = await ValidateAsync(bytes, Streaming, seekable: false);
        var (whole, wholeIssues) = await ValidateAsync(bytes, new StixReaderOptions());
        Assert.Null(streamed.Unreadable);
        Assert.Equal(whole.Objects, streamed.Objects);
        Assert.Equal(whole.ObjectsByType, streamed.ObjectsByType);
        Assert.Equal(wholeIssues.Select(i => i.ToString()), streamedIssues.Select(i => i.ToString()));
    }

    [Fact]
    public async Task A_bundle_of_many_objects_streams_through_a_small_buffer()
    {
        var bundle = GeneratedBundle(5_000);
        var (report, issues) = await ValidateAsync(bundle, Streaming with { MaxObjectBytes = 64 << 10 }, seekable: false);
        Assert.Null(report.Unreadable);
        Assert.Equal(5_000, report.Objects);
        Assert.Equal(0, report.Errors);
        Assert.Empty(issues);
    }

    [Fact]
    public async Task An_invalid_object_in_a_stream_is_named_by_its_index()
    {
        var text = Encoding.UTF8.GetString(GeneratedBundle(100))
            .Replace("\"confidence\":17", "\"confidence\":170", StringComparison.Ordinal);
        var (report, issues) = await ValidateAsync(Encoding.UTF8.GetBytes(text), seekable: false);
        Assert.False(report.IsValid);
        var issue = Assert.Single(issues);
        Assert.Equal("confidence-range", issue.Code);
        Assert.Equal("$.objects[17].confidence", issue.Path);
    }

    [Theory]
    [MemberData(nameof(ReadingModes))]
    public async Task Broken_json_is_unreadable_with_its_line(string mode)
    {
        var text = "{\"type\":\"bundle\",\n\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\n" +
            "\"objects\":[\n{\"type\":\"indicator\",}\n]}";
        var (report, issues) = await ValidateAsync(Encoding.UTF8.GetBytes(text), OptionsFor(mode));
        if (report.Unreadable is null)
        {
            // The streaming reader isolates the bad object and reports it as a syntax error at its index.
            var issue = Assert.Single(issues, i => i.Code == "json-syntax");
            Assert.Equal("$.objects[0]", issue.Path);
            Assert.Contains("line 4", issue.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("line 4", report.Unreadable, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ReadingModes))]
    public async Task Truncated_documents_are_unreadable(string mode)
    {
        var bundle = GeneratedBundle(50);
        var (report, _) = await ValidateAsync(bundle[..(bundle.Length / 2)], OptionsFor(mode));
        Assert.NotNull(report.Unreadable);
    }

    [Fact]
    public async Task Duplicate_member_names_are_refused_with_their_path()
    {
        var single = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"name\":\"a\",\"name\":\"b\"}";
        var (report, _) = await ValidateAsync(Encoding.UTF8.GetBytes(single), new StixReaderOptions());
        Assert.Contains("$.name", report.Unreadable, StringComparison.Ordinal);
        Assert.Contains("duplicate", report.Unreadable, StringComparison.Ordinal);

        var nested = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\"," +
            "\"objects\":[{\"type\":\"x-a\",\"k\":[{\"v\":1,\"v\":2}]}]}";
        var (streamed, issues) = await ValidateAsync(Encoding.UTF8.GetBytes(nested), Streaming);
        Assert.Null(streamed.Unreadable);
        var issue = Assert.Single(issues, i => i.Code == "json-syntax");
        Assert.Contains("$.k[0].v", issue.Message, StringComparison.Ordinal);

        var (whole, _) = await ValidateAsync(Encoding.UTF8.GetBytes(nested), new StixReaderOptions());
        Assert.Contains("$.objects[0].k[0].v", whole.Unreadable, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadingModes))]
    public async Task Deep_nesting_is_refused_without_exhausting_the_stack(string mode)
    {
        var deep = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\"," +
            "\"objects\":[{\"type\":\"x-a\",\"k\":" +
            new string('[', 100_000) + new string(']', 100_000) + "}]}";
        var (report, issues) = await ValidateAsync(Encoding.UTF8.GetBytes(deep), OptionsFor(mode));
        var message = report.Unreadable ?? Assert.Single(issues, i => i.Code == "json-syntax").Message;
        Assert.Contains("depth", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_hundred_megabyte_string_is_refused_with_a_clear_limit_error()
    {
        var prefix = Encoding.UTF8.GetBytes(
            "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[{\"type\":\"x-a\",\"blob\":\"");
        var suffix = "\"}]}"u8.ToArray();
        var bytes = new byte[prefix.Length + (100 << 20) + suffix.Length];
        prefix.CopyTo(bytes, 0);
        bytes.AsSpan(prefix.Length, 100 << 20).Fill((byte)'a');
        suffix.CopyTo(bytes, bytes.Length - suffix.Length);
        var (report, _) = await ValidateAsync(bytes, new StixReaderOptions(), seekable: false);
        Assert.NotNull(report.Unreadable);
        Assert.Contains("$.objects[0]", report.Unreadable, StringComparison.Ordinal);
        Assert.Contains("16 MiB", report.Unreadable, StringComparison.Ordinal);
    }

    public static TheoryData<string> InvalidUtf8Places() =>
        [
            "in a single object read whole",
            "in an object streamed",
            "in the bundle envelope streamed",
            "in an object of a bundle read whole",
        ];

    /// <summary>A document with a malformed UTF-8 sequence in the named place, and how it is read.</summary>
    private static (byte[] Bytes, StixReaderOptions Options) InvalidUtf8(string place)
    {
        var single = Encoding.UTF8.GetBytes("{\"type\":\"indicator\",\"name\":\"ab\"}");
        single[28] = 0xC3;
        single[29] = 0x28;
        var bundle = Encoding.UTF8.GetBytes(
            "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"x_note\":\"ab\",\"objects\":[" +
            Encoding.UTF8.GetString(single[..28]) + "xx\"}]}");
        var inObject = (byte[])bundle.Clone();
        var at = Array.LastIndexOf(inObject, (byte)'x');
        inObject[at - 1] = 0xC3;
        inObject[at] = 0x28;
        var inEnvelope = (byte[])bundle.Clone();
        at = Encoding.UTF8.GetString(bundle).IndexOf("ab", StringComparison.Ordinal);
        inEnvelope[at] = 0xFF;
        return place switch
        {
            "in a single object read whole" => (single, new StixReaderOptions()),
            "in an object streamed" => (inObject, Streaming),
            "in the bundle envelope streamed" => (inEnvelope, Streaming),
            "in an object of a bundle read whole" => (inObject, new StixReaderOptions()),
            _ => throw new ArgumentOutOfRangeException(nameof(place), place, "no such place"),
        };
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Places))]
    public async Task Invalid_utf8_is_refused_with_its_position(string place)
    {
        var (bytes, options) = InvalidUtf8(place);
        var (report, issues) = await ValidateAsync(bytes, options);
        var message = report.Unreadable ?? string.Join(';', issues.Select(i => i.Message));
        Assert.Contains("UTF-8", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_large_document_that_is_not_a_bundle_is_refused()
    {
        var (report, _) = await ValidateAsync(Encoding.UTF8.GetBytes("{\"type\":\"indicator\",\"name\":\"x\"}"), Streaming);
        Assert.Contains("bundle", report.Unreadable, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadingModes))]
    public async Task Bundle_envelope_faults_are_reported_in_both_modes(string mode)
    {
        var text = "{\"type\":\"bundle\",\"id\":\"bundle--nope\",\"spec_version\":\"2.1\",\"objects\":[]}";
        var (_, issues) = await ValidateAsync(Encoding.UTF8.GetBytes(text), OptionsFor(mode));
        Assert.Contains(issues, i => i.Code == "id-format" && i.Path == "$.id");
        Assert.Contains(issues, i => i.Code == "forbidden-property" && i.Path == "$.spec_version");
        Assert.Contains(issues, i => i.Code == "empty-list" && i.Path == "$.objects");
    }

    [Fact]
    public void Parse_errors_name_line_and_byte()
    {
        var e = Assert.Throws<StixJsonException>(() => StixJson.Parse("{\n  \"a\": tru\n}"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    internal static byte[] GeneratedBundle(int count)
    {
        var builder = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[\n");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(",\n");
            }

            var uuid = new Guid(i, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67);
            builder.Append("{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\",\"id\":\"attack-pattern--").Append(uuid.ToString())
                .Append("\",\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-01T00:00:00.000Z\"")
                .Append(",\"name\":\"technique ").Append(i)
                .Append("\",\"confidence\":").Append(i % 100)
                .Append(",\"external_references\":[{\"source_name\":\"mitre-attack\",\"external_id\":\"T").Append(i)
                .Append("\",\"url\":\"https://attack.example/T").Append(i).Append("\"}]")
                .Append(",\"kill_chain_phases\":[{\"kill_chain_name\":\"mitre-ics-attack\",\"phase_name\":\"impact\"}]")
                .Append(",\"x_mitre_version\":\"1.0\"}");
        }

        return Encoding.UTF8.GetBytes(builder.Append("\n]}").ToString());
    }

    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            // Hand out odd-sized pieces, as a network would.
            var n = Math.Min(Math.Min(count, 7919), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
