using System.Globalization;

namespace CyberAccord.Log.Notes;

/// <summary>Parses C2SP vkey strings: name+hex(key ID)+base64(type ‖ key).</summary>
public static class VerifierKeys
{
    public static INoteVerifier Parse(string vkey)
    {
        var (name, keyId, type, key) = Split(vkey, "verifier key");
        INoteVerifier verifier = type switch
        {
            Ed25519NoteVerifier.Type => key.Length == 32
                ? new Ed25519NoteVerifier(name, key)
                : throw new LogFormatException($"verifier key '{name}': Ed25519 key is {key.Length} bytes, not 32"),
            EcdsaNoteVerifier.Type => new EcdsaNoteVerifier(name, key),
            Rfc6962NoteVerifier.Type => new Rfc6962NoteVerifier(name, key),
            _ => throw new LogFormatException($"verifier key '{name}': unknown algorithm byte 0x{type:x2}"),
        };

        if (verifier.KeyId != keyId)
        {
            throw new LogFormatException($"verifier key '{name}': key ID {keyId:x8} does not match the key (expected {verifier.KeyId:x8})");
        }

        return verifier;
    }

    internal static (string Name, uint KeyId, byte Type, byte[] Key) Split(string vkey, string what)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        vkey = vkey.Trim();

        // The base64 part may itself contain '+', so split into at most three parts.
        var parts = vkey.Split('+', 3);
        if (parts.Length != 3)
        {
            throw new LogFormatException($"{what} must have the form name+keyid+base64key");
        }

        var (name, id, encoded) = (parts[0], parts[1], parts[2]);
        if (!KeyNames.IsValid(name))
        {
            throw new LogFormatException($"{what}: key name '{name}' is not valid");
        }

        if (id.Length != 8 || !uint.TryParse(id, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new LogFormatException($"{what} '{name}': key ID '{id}' is not 8 hex digits");
        }

        var typed = StrictBase64.Decode(encoded, $"{what} '{name}': key is not valid base64");

        if (typed.Length < 2)
        {
            throw new LogFormatException($"{what} '{name}': key is empty");
        }

        return (name, keyId, typed[0], typed[1..]);
    }
}
