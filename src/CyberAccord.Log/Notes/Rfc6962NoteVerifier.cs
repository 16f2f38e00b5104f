using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CyberAccord.Log.Checkpoints;

namespace CyberAccord.Log.Notes;

/// <summary>
/// Verifies checkpoints signed as RFC 6962 TreeHeadSignatures (signed-note type 0x05, static-ct-api):
/// the signature covers the tree size and root from the note's checkpoint body and a timestamp carried
/// in the signature, so CT logs' ECDSA P-256 tree heads can be checked as notes.
/// </summary>
public sealed class Rfc6962NoteVerifier : INoteVerifier, IDisposable
{
    public const byte Type = 0x05;

    private readonly ECDsa _key;
    private readonly byte[] _spki;

    public Rfc6962NoteVerifier(string keyName, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        KeyNames.Require(keyName);
        _key = SubjectPublicKeys.ImportEcdsa(subjectPublicKeyInfo, "RFC 6962 log key");

        KeyName = keyName;
        _spki = subjectPublicKeyInfo.ToArray();
        KeyId = KeyNames.KeyId(keyName, Type, SHA256.HashData(_spki));
    }

    public string KeyName { get; }

    public uint KeyId { get; }

    public string VerifierKey => KeyNames.FormatVerifierKey(KeyName, KeyId, Type, _spki);

    /// <summary>The timestamp (ms since the epoch) a signature carries, or null when it is malformed.</summary>
    public static ulong? Timestamp(ReadOnlySpan<byte> signature) =>
        signature.Length >= 8 ? BinaryPrimitives.ReadUInt64BigEndian(signature) : null;

    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        // timestamp (8) ‖ hash algorithm 0x04 SHA-256 ‖ signature algorithm 0x03 ECDSA ‖ length (2) ‖ DER signature
        if (signature.Length < 12 || signature[8] != 0x04 || signature[9] != 0x03)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(signature[10..]);
        if (signature.Length != 12 + length)
        {
            return false;
        }

        Checkpoint checkpoint;
        try
        {
            checkpoint = Checkpoint.Parse(Encoding.UTF8.GetString(text));
        }
        catch (LogFormatException)
        {
            return false;
        }

        if (checkpoint.Extensions.Count > 0)
        {
            return false;
        }

        // RFC 6962 §3.5 TreeHeadSignature: version v1 (0), signature type tree_hash (1), timestamp, size, root.
        Span<byte> signed = stackalloc byte[2 + 8 + 8 + 32];
        signed[0] = 0;
        signed[1] = 1;
        signature[..8].CopyTo(signed[2..]);
        BinaryPrimitives.WriteUInt64BigEndian(signed[10..], (ulong)checkpoint.Size);
        checkpoint.RootHash.CopyTo(signed[18..]);
        try
        {
            return _key.VerifyData(signed, signature[12..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
