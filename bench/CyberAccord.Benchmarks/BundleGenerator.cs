using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CyberAccord.Benchmarks;

/// <summary>
/// Writes a STIX bundle of a given size from ATT&amp;CK for ICS objects, each copy with a fresh id, for the streaming benchmark.
/// </summary>
internal static class BundleGenerator
{
    public static void Generate(string path, long targetBytes)
    {
        var source = Path.Combine(StixBenchmarks.RepositoryRoot(), "test", "data", "stix", "attack", "ics-attack-18.1.json");
        var objects = JsonNode.Parse(File.ReadAllText(source))!["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        output.Write("{\"type\":\"bundle\",\"id\":\"bundle--"u8);
        output.Write(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString()));
        output.Write("\",\"objects\":[\n"u8);
        long count = 0;
        while (output.Position < targetBytes)
        {
            foreach (var item in objects)
            {
                var copy = item.DeepClone().AsObject();
                var type = copy["type"]!.GetValue<string>();
                copy["id"] = $"{type}--{Guid.NewGuid()}";
                if (count++ > 0)
                {
                    output.Write(",\n"u8);
                }

                using (var writer = new Utf8JsonWriter(output))
                {
                    copy.WriteTo(writer);
                }

                if (output.Position >= targetBytes)
                {
                    break;
                }
            }
        }

        output.Write("\n]}\n"u8);
        Console.WriteLine($"wrote {count:N0} objects, {output.Position:N0} bytes to {path}");
    }
}
