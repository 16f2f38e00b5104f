using System.Security.Cryptography;
using CyberAccord.Log.Native;

namespace CyberAccord.Log.Notes;

/// <summary>An Ed25519 signed-note key (type 0x01), the type every C2SP witness understands.</summary>
public sealed class Ed25519NoteVerifier : INoteVerifier
{
    public const byte Type = 0x01;

    private readonly byte[] _publicKey;

    public Ed25519NoteVerifier(string keyName, ReadOnlySpan<byte> publicKey)
    {
        KeyNames.Require(keyName);
        if (publicKey.Length != Sodium.PublicKeySize)
        {
            throw new LogFormatException($"Ed25519 public key is {publicKey.Length} bytes, not 32");
        }

        KeyName = keyName;
        _publicKey = publicKey.ToArray();
        KeyId = KeyNames.KeyId(keyName, Type, _publicKey);
    }

    public string KeyName { get; }

    public uint KeyId { get; }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public string VerifierKey => KeyNames.FormatVerifierKey(KeyName, KeyId, Type, _publicKey);

    public bool Verify(ReadOnlySpan<byte> text, ReadOnlySpan<byte> signature) => Sodium.Verify(signature, text, _publicKey);
}

/// <summary>An Ed25519 signing key, kept as its 32-byte seed.</summary>
public sealed class Ed25519NoteSigner : INoteSigner, IDisposable
{
    private const string SkeyPrefix = "PRIVATE+KEY+";

    private readonly byte[] _seed;
    private readonly byte[] _secretKey = new byte[Sodium.SecretKeySize];

    public Ed25519NoteSigner(string keyName, ReadOnlySpan<byte> seed)
    {
        KeyNames.Require(keyName);
        if (seed.Length != Sodium.SeedSize)
        {
            throw new LogFormatException($"Ed25519 seed is {seed.Length} bytes, not 32");
        }

        _seed = seed.ToArray();
        var publicKey = new byte[Sodium.PublicKeySize];
        Sodium.KeyPairFromSeed(_seed, publicKey, _secretKey);
        Verifier = new Ed25519NoteVerifier(keyName, publicKey);
    }

    public string KeyName => Verifier.KeyName;

    public uint KeyId => Verifier.KeyId;

    public Ed25519NoteVerifier Verifier { get; }

    public static Ed25519NoteSigner Generate(string keyName) => new(keyName, RandomNumberGenerator.GetBytes(Sodium.SeedSize));

    public byte[] Sign(ReadOnlySpan<byte> text) => Sodium.Sign(text, _secretKey);

    /// <summary>The private key in the form Go's note package and C2SP tools use: PRIVATE+KEY+name+id+base64(0x01 ‖ seed).</summary>
    public string ToSignerKey() => SkeyPrefix + KeyNames.FormatVerifierKey(KeyName, KeyId, Ed25519NoteVerifier.Type, _seed);

    public static Ed25519NoteSigner ParseSignerKey(string skey)
    {
        ArgumentNullException.ThrowIfNull(skey);
        skey = skey.Trim();
        if (!skey.StartsWith(SkeyPrefix, StringComparison.Ordinal))
        {
            throw new LogFormatException("signer key does not start with PRIVATE+KEY+");
        }

        var (name, keyId, type, key) = VerifierKeys.Split(skey[SkeyPrefix.Length..], "signer key");
        if (type != Ed25519NoteVerifier.Type)
        {
            throw new LogFormatException($"signer key has algorithm byte 0x{type:x2}, expected 0x01 (Ed25519)");
        }

        var signer = new Ed25519NoteSigner(name, key);
        if (signer.KeyId != keyId)
        {
            throw new LogFormatException($"signer key ID {keyId:x8} does not match the key (expected {signer.KeyId:x8})");
        }

        return signer;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_seed);
        CryptographicOperations.ZeroMemory(_secretKey);
    }
}
