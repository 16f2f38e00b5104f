using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Benchmarks;

/// <summary>
/// Parse and fully validate every object of MITRE ATT&amp;CK for ICS 18.1 (1,826 objects), one object at a
/// time from its own bytes, as the streaming reader hands them out. Objects/s = 1,826 / mean.
/// </summary>
[MemoryDiagnoser]
public class StixBenchmarks
{
    private byte[][] _objects = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepositoryRoot(), "test", "data", "stix", "attack", "ics-attack-18.1.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        _objects = [.. document.RootElement.GetProperty("objects").EnumerateArray()
            .Select(o => System.Text.Encoding.UTF8.GetBytes(o.GetRawText()))];
    }

    [Benchmark(Description = "parse + validate ATT&CK for ICS (1,826 objects)", OperationsPerInvoke = 1)]
    public int ParseAndValidateAll()
    {
        var errors = 0;
        var issues = new List<ValidationIssue>();
        foreach (var bytes in _objects)
        {
            using var document = StixJson.Parse(bytes);
            StixValidator.ValidateObject(document.RootElement, "$", issues);
            errors += issues.Count;
            issues.Clear();
        }

        return errors;
    }

    [Benchmark(Description = "JCS canonical form of ATT&CK for ICS (1,826 objects)")]
    public int CanonicalizeAll()
    {
        var total = 0;
        foreach (var bytes in _objects)
        {
            total += JsonCanonicalizer.Canonicalize(bytes).Length;
        }

        return total;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CyberAccord.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }
}
