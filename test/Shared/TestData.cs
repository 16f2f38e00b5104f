using System.Text.Json;

namespace CyberAccord.Tests;

/// <summary>Finds the repository's <c>test/data</c> folder, which holds the conformance vectors and their licences.</summary>
internal static class TestData
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "test", "data");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "CyberAccord.slnx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("test/data not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string relative) => Path.Combine(s_root.Value, relative.Replace('/', Path.DirectorySeparatorChar));

    public static JsonElement Json(string relative) => JsonDocument.Parse(File.ReadAllBytes(PathOf(relative))).RootElement;

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    public static byte[] B64(string base64) => Convert.FromBase64String(base64);
}
