using System.Security.Cryptography;

namespace CyberAccord.Log.Notes;

/// <summary>The one way a note verifier imports an ECDSA public key.</summary>
internal static class SubjectPublicKeys
{
    /// <summary>
    /// Imports a DER SubjectPublicKeyInfo as an ECDSA key, whole: bytes after it are refused, not ignored, so that one key
    /// has one encoding and one key id. <paramref name="what"/> names the key in the error.
    /// </summary>
    public static ECDsa ImportEcdsa(ReadOnlySpan<byte> subjectPublicKeyInfo, string what)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length)
            {
                throw new LogFormatException($"{what} has trailing bytes after its SubjectPublicKeyInfo");
            }

            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new LogFormatException($"{what} is not a valid SubjectPublicKeyInfo: {e.Message}");
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
