using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CyberAccord.Log.Notes;

/// <summary>
/// An ECDSA signed-note key (type 0x02, as in transparency-dev/witness and Sigstore): key ID is
/// SHA-256(DER SubjectPublicKeyInfo)[:4], signature is ASN.1 DER over SHA-256(text). It gives
/// verifiers a path that needs nothing outside the .NET base library.
/// </summary>
public sealed class EcdsaNoteVerifier : INoteVerifier, IDisposable
{
    public const byte Type = 0x02;

    private readonly ECDsa _key;
    private readonly byte[] _spki;

    public EcdsaNoteVerifier(string keyName, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        KeyNames.Require(keyName);
        _key = SubjectPublicKeys.ImportEcdsa(subjectPublicKeyInfo, "ECDSA public key");

        KeyName = keyName;
        _spki = subjectPublicKeyInfo.ToArray();
        KeyId = KeyIdFor(_spki);
    }

    public string KeyName { get; }

    public uint KeyId { get; }

    public string VerifierKey => KeyNames.FormatVerifierKey(KeyName, KeyId, Type, _spki);

    public static uint KeyIdFor(ReadOnlySpan<byte> spki) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(spki));

    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature)
    {
        try
        {
            return _key.VerifyData(text, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>An ECDSA P-256 signing key for notes.</summary>
public sealed class EcdsaNoteSigner : INoteSigner, IDisposable
{
    private readonly ECDsa _key;

    public EcdsaNoteSigner(string keyName, ECDsa key)
    {
        KeyNames.Require(keyName);
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        Verifier = new EcdsaNoteVerifier(keyName, key.ExportSubjectPublicKeyInfo());
    }

    public string KeyName => Verifier.KeyName;

    public uint KeyId => Verifier.KeyId;

    public EcdsaNoteVerifier Verifier { get; }

    public static EcdsaNoteSigner Generate(string keyName) => new(keyName, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public byte[] Sign(ReadOnlySpan<byte> text) =>
        _key.SignData(text, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public string ExportPkcs8Pem() => _key.ExportPkcs8PrivateKeyPem();

    public static EcdsaNoteSigner ImportPkcs8Pem(string keyName, string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new LogFormatException($"ECDSA private key is not a valid PEM: {e.Message}");
        }

        return new EcdsaNoteSigner(keyName, key);
    }

    public void Dispose()
    {
        Verifier.Dispose();
        _key.Dispose();
    }
}
