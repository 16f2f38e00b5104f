using CyberAccord.Log.Notes;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Log.Tests.Storage;

/// <summary>Opens logs in temporary directories, signed with the published transparency-dev test key 'Log'.</summary>
internal static class LogFixture
{
    public const string TestOrigin = "Log";

    public static string TestSignerKey =>
        TestData.Json("tlog/derived/derived-vectors.json").GetProperty("keys").GetProperty("logSkey_TEST_ONLY").GetString()!;

    public static string TestVerifierKey =>
        TestData.Json("tlog/derived/derived-vectors.json").GetProperty("keys").GetProperty("logVkey").GetString()!;

    public static async Task<TransparencyLog> OpenWithTestKeyAsync(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, FileLogStorage.PrivateDirectory));
        var storage = await FileLogStorage.OpenAsync(root, TimeSpan.FromSeconds(5), CancellationToken.None);
        return await TransparencyLog.OpenAsync(storage, TestOrigin, [Ed25519NoteSigner.ParseSignerKey(TestSignerKey)],
            CancellationToken.None);
    }

    public static ReadOnlyMemory<byte>[] Entries(IEnumerable<string> texts) =>
        texts.Select(t => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(t)).ToArray();

    public static ReadOnlyMemory<byte>[] ReferenceInputs() =>
        TestData.Json("tlog/extracted/rfc6962-reference-tree.json").GetProperty("referenceTree").GetProperty("leafInputsHex")
            .EnumerateArray().Select(e => (ReadOnlyMemory<byte>)TestData.Hex(e.GetString()!)).ToArray();
}
