using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Stix.Tests.Validation;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Tests.Schema;

/// <summary>
/// Where the OASIS JSON schemas, run by an independent implementation (Python's jsonschema), judge an
/// object invalid, our validator must report an error too.
/// </summary>
public sealed class SchemaCrossCheckTests
{
    private static string? FindPython()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var start = new ProcessStartInfo(candidate, "-c \"import jsonschema\"")
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                };
                using var probe = Process.Start(start)!;
                probe.WaitForExit(30_000);
                if (probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return null;
    }

    private static IEnumerable<(string Name, JsonNode Object)> Corpus()
    {
        foreach (var file in Directory.EnumerateFiles(TestData.PathOf("stix/oasis/examples"), "*.json", SearchOption.AllDirectories)
                     .Append(TestData.PathOf("stix/attack/ics-attack-18.1.json")))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!;
            var objects = root["objects"] is JsonArray array ? array.Select(o => o!) : [root];
            var index = 0;
            foreach (var item in objects)
            {
                yield return ($"{Path.GetFileName(file)}[{index++}]", item.DeepClone());
            }
        }

        foreach (var (name, json) in InvalidCasesTests.Bases)
        {
            yield return ("base " + name, JsonNode.Parse(json)!);
        }

        foreach (var testCase in InvalidCases.All)
        {
            var node = JsonNode.Parse(InvalidCasesTests.Bases[testCase.Base])!.AsObject();
            testCase.Mutate(node);
            yield return ("case " + testCase.Name, node);
        }
    }

    [SkippableFact]
    public async Task Objects_the_schemas_reject_are_rejected_by_the_validator_too()
    {
        var python = FindPython();
        Skip.If(python is null, "no python3 with the jsonschema module on this machine (eng/test.sh installs python3-jsonschema)");

        var corpus = Corpus().ToList();
        var info = new ProcessStartInfo(python!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Schema", "schema_check.py"));
        info.ArgumentList.Add(TestData.PathOf("stix/oasis/schemas"));
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(async () =>
        {
            foreach (var (name, node) in corpus)
            {
                var line = new JsonObject { ["name"] = name, ["object"] = node.DeepClone() }.ToJsonString();
                await process.StandardInput.WriteLineAsync(line);
            }

            process.StandardInput.Close();
        });

        var verdicts = new Dictionary<string, (bool? Valid, string? Error)>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var verdict = JsonNode.Parse(line)!;
            verdicts[verdict["name"]!.GetValue<string>()] = (verdict["valid"]?.GetValue<bool>(), verdict["error"]?.GetValue<string>());
        }

        await writer;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(corpus.Count, verdicts.Count);

        var disagreements = new List<string>();
        var schemaRejected = 0;
        foreach (var (name, node) in corpus)
        {
            if (verdicts[name].Valid != false)
            {
                continue;
            }

            schemaRejected++;
            using var document = JsonDocument.Parse(node.ToJsonString());
            if (!StixValidator.ValidateObject(document.RootElement).Any(i => i.Severity == Severity.Error))
            {
                disagreements.Add($"{name}: schema says '{verdicts[name].Error}', the validator found no error");
            }
        }

        Assert.True(schemaRejected > 50, $"the schemas rejected only {schemaRejected} objects; the corpus is not exercising them");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }
}
