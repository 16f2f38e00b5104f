using System.Buffers.Binary;
using System.Text;

namespace CyberAccord.Log.Notes;

/// <summary>
/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one signature line per key.
/// Parsing checks structure only; <see cref="NoteVerifierSet.Open"/> checks signatures.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>Go's note package caps signatures at 100; C2SP asks verifiers to accept at least 16.</summary>
    public const int MaxSignatures = 100;

    /// <summary>The largest note accepted, as in Go's note package.</summary>
    public const int MaxSize = 1_000_000;

    private const string SignaturePrefix = "\u2014 ";

    public static SignedNote Sign(string text, params INoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        RequireText(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var signatures = signers.Select(s => new NoteSignature(s.KeyName, s.KeyId, s.Sign(bytes))).ToList();
        return new SignedNote(text, signatures);
    }

    /// <summary>The note as it is stored and served.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            builder.Append(signature.ToLine()).Append('\n');
        }

        return builder.ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Format());

    public static SignedNote Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxSize)
        {
            throw new LogFormatException($"malformed note: {bytes.Length} bytes exceeds the {MaxSize}-byte limit");
        }

        string message;
        try
        {
            message = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new LogFormatException("malformed note: not valid UTF-8");
        }

        return Parse(message);
    }

    public static SignedNote Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (c < 0x20 && c != '\n')
            {
                throw new LogFormatException($"malformed note: control or invalid character at position {i}");
            }
        }

        var split = message.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new LogFormatException("malformed note: no blank line before the signatures");
        }

        var text = message[..(split + 1)];
        var block = message[(split + 2)..];
        if (block.Length == 0 || block[^1] != '\n')
        {
            throw new LogFormatException("malformed note: the signature block is empty or does not end with a newline");
        }

        var signatures = new List<NoteSignature>();
        var lineNumber = text.Count(c => c == '\n') + 1;
        foreach (var line in block[..^1].Split('\n'))
        {
            lineNumber++;
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                throw new LogFormatException($"malformed note: line {lineNumber} is not a signature line");
            }

            var rest = line[SignaturePrefix.Length..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? rest : rest[..space];
            var encoded = space < 0 ? string.Empty : rest[(space + 1)..];
            var decoded = StrictBase64.Decode(encoded, $"malformed note: signature on line {lineNumber} is not valid base64");

            if (!KeyNames.IsValid(name) || encoded.Length == 0 || decoded.Length < 5)
            {
                throw new LogFormatException(
                    $"malformed note: signature line {lineNumber} has an invalid key name or a signature shorter than 5 bytes");
            }

            if (signatures.Count == MaxSignatures)
            {
                throw new LogFormatException($"malformed note: more than {MaxSignatures} signatures");
            }

            signatures.Add(new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(decoded), decoded[4..]));
        }

        return new SignedNote(text, signatures);
    }

    internal static void RequireText(string text)
    {
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new LogFormatException("note text must end with a newline");
        }

        if (text.Contains("\n\n", StringComparison.Ordinal) || text[0] == '\n')
        {
            throw new LogFormatException("note text must not contain a blank line");
        }

        if (text.Any(c => c < 0x20 && c != '\n'))
        {
            throw new LogFormatException("note text must not contain control characters other than newline");
        }
    }
}
