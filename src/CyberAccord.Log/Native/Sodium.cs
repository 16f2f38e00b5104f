using System.Reflection;
using System.Runtime.InteropServices;

namespace CyberAccord.Log.Native;

/// <summary>
/// Ed25519 from libsodium (Debian package libsodium23). .NET 10 has no Ed25519 (dotnet/runtime#63174),
/// and libsodium is the audited C implementation most distributions ship.
/// </summary>
internal static partial class Sodium
{
    private const string Library = "sodium";

    public const int PublicKeySize = 32;
    public const int SecretKeySize = 64;
    public const int SeedSize = 32;
    public const int SignatureSize = 64;

    static Sodium()
    {
        NativeLibrary.SetDllImportResolver(typeof(Sodium).Assembly, Resolve);
        int initialized;
        try
        {
            initialized = sodium_init();
        }
        catch (DllNotFoundException e)
        {
            throw new PlatformNotSupportedException(
                "Ed25519 needs libsodium, which was not found. On Debian or Ubuntu: apt-get install libsodium23.", e);
        }

        if (initialized < 0)
        {
            throw new PlatformNotSupportedException("libsodium failed to initialise");
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in (string[])["libsodium.so.23", "libsodium.so.26", "libsodium.so", "libsodium.dylib", "libsodium"])
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }

    public static void KeyPairFromSeed(ReadOnlySpan<byte> seed, Span<byte> publicKey, Span<byte> secretKey)
    {
        if (seed.Length != SeedSize || publicKey.Length != PublicKeySize || secretKey.Length != SecretKeySize)
        {
            throw new ArgumentException("Ed25519 seed, public key or secret key has the wrong length");
        }

        if (crypto_sign_seed_keypair(publicKey, secretKey, seed) != 0)
        {
            throw new InvalidOperationException("libsodium could not derive an Ed25519 key pair");
        }
    }

    public static byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> secretKey)
    {
        var signature = new byte[SignatureSize];
        if (crypto_sign_detached(signature, out _, message, (ulong)message.Length, secretKey) != 0)
        {
            throw new InvalidOperationException("libsodium could not sign");
        }

        return signature;
    }

    public static bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey) =>
        signature.Length == SignatureSize && publicKey.Length == PublicKeySize &&
        crypto_sign_verify_detached(signature, message, (ulong)message.Length, publicKey) == 0;

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    private static partial int crypto_sign_seed_keypair(Span<byte> pk, Span<byte> sk, ReadOnlySpan<byte> seed);

    [LibraryImport(Library)]
    private static partial int crypto_sign_detached(
        Span<byte> sig, out ulong siglen, ReadOnlySpan<byte> m, ulong mlen, ReadOnlySpan<byte> sk);

    [LibraryImport(Library)]
    private static partial int crypto_sign_verify_detached(ReadOnlySpan<byte> sig, ReadOnlySpan<byte> m, ulong mlen, ReadOnlySpan<byte> pk);
}
