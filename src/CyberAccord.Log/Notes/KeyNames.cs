using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CyberAccord.Log.Notes;

internal static class KeyNames
{
    /// <summary>A key name is non-empty UTF-8 with no white space and no '+', as signed-note requires.</summary>
    public static bool IsValid(string name) =>
        name.Length > 0 && !name.Any(char.IsWhiteSpace) && !name.Contains('+', StringComparison.Ordinal) && !name.Any(char.IsControl);

    public static void Require(string name)
    {
        if (!IsValid(name))
        {
            throw new LogFormatException($"key name '{name}' is not valid: it must be non-empty and contain no spaces or '+'");
        }
    }

    /// <summary>The recommended key ID: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4].</summary>
    public static uint KeyId(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(buffer, 0);
        buffer[nameBytes.Length] = 0x0A;
        buffer[nameBytes.Length + 1] = type;
        publicKey.CopyTo(buffer.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(buffer));
    }

    public static string FormatVerifierKey(string name, uint keyId, byte type, ReadOnlySpan<byte> key)
    {
        var typed = new byte[1 + key.Length];
        typed[0] = type;
        key.CopyTo(typed.AsSpan(1));
        return $"{name}+{keyId:x8}+{Convert.ToBase64String(typed)}";
    }
}
