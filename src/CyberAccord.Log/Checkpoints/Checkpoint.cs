using System.Globalization;
using System.Text;
using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Checkpoints;

/// <summary>The C2SP tlog-checkpoint body: origin, tree size and root hash, then optional extension lines.</summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    public Checkpoint(string origin, long size, byte[] rootHash)
        : this(origin, size, rootHash, [])
    {
    }

    public string ToText()
    {
        var builder = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            builder.Append(extension).Append('\n');
        }

        return builder.ToString();
    }

    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new LogFormatException("checkpoint body must end with a newline");
        }

        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new LogFormatException($"checkpoint body has {lines.Length} lines; it needs origin, size and root hash");
        }

        var origin = lines[0];
        if (origin.Length == 0)
        {
            throw new LogFormatException("checkpoint line 1: origin is empty");
        }

        var sizeText = lines[1];
        if (sizeText.Length == 0 || (sizeText.Length > 1 && sizeText[0] == '0') || !sizeText.All(char.IsAsciiDigit) ||
            !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new LogFormatException($"checkpoint line 2: tree size '{sizeText}' is not a decimal number without leading zeros");
        }

        var root = StrictBase64.Decode(lines[2], "checkpoint line 3: root hash is not valid base64");

        if (root.Length != Rfc6962.HashSize)
        {
            throw new LogFormatException($"checkpoint line 3: root hash is {root.Length} bytes, not {Rfc6962.HashSize}");
        }

        if (lines.Skip(3).Any(l => l.Length == 0))
        {
            throw new LogFormatException("checkpoint has an empty extension line");
        }

        return new Checkpoint(origin, size, root, lines[3..]);
    }
}
