using System.Security.Cryptography;

namespace CyberAccord.Accord.Records;

/// <summary>A party's ECDSA P-256 signing key. Its id is the first 16 hex digits of SHA-256 over the public key.</summary>
public sealed class PartyKey : IDisposable
{
    private readonly ECDsa _key;

    private PartyKey(ECDsa key)
    {
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = IdOf(PublicKey);
    }

    public string KeyId { get; }

    /// <summary>DER SubjectPublicKeyInfo.</summary>
    public byte[] PublicKey { get; }

    public static PartyKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static PartyKey FromPem(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new PartyKey(key);
    }

    public string ToPem() => _key.ExportPkcs8PrivateKeyPem();

    public static string IdOf(ReadOnlySpan<byte> publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];

    /// <summary>IEEE P1363 (r ‖ s) signature over SHA-256 of <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>
    /// Imported public keys, per thread (an ECDsa instance is not documented as thread-safe); importing costs more than
    /// verifying.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, ECDsa>? t_verifiers;

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            t_verifiers ??= new Dictionary<string, ECDsa>(StringComparer.Ordinal);
            var id = Convert.ToBase64String(publicKey);
            if (!t_verifiers.TryGetValue(id, out var key))
            {
                key = ECDsa.Create();
                key.ImportSubjectPublicKeyInfo(publicKey, out _);
                t_verifiers[id] = key;
            }

            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
