using System.CommandLine;
using System.Text;
using System.Text.Json;
using CyberAccord.Accord.Export;
using CyberAccord.Accord.State;
using CyberAccord.Cli.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary><c>accord export</c>: everything a party may see, as a STIX 2.1 bundle and/or the signed records.</summary>
internal static class ExportVerb
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var party = new Option<string>("--party") { Description = "Export only what this party may see (TLP 2.0).", Required = true };
        var stix = new Option<string?>("--stix") { Description = "Write a STIX 2.1 bundle here." };
        var records = new Option<string?>("--records") { Description = "Write the signed records here, one canonical envelope per line." };
        var command = new Command("export", "Export everything a party may see: a STIX 2.1 bundle and/or the signed records.")
        {
            dir, party, stix, records,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            if (parse.GetValue(stix) is null && parse.GetValue(records) is null)
            {
                return CliOutput.Error("give --stix FILE, --records FILE, or both");
            }

            await using var node = await LocalNode.OpenAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var who = CommonOptions.Party(parse.GetValue(party))!;
            if (!await node.ReadAsync(state => state.Parties.ContainsKey(who), ct).ConfigureAwait(false))
            {
                return CliOutput.Error($"unknown party '{parse.GetValue(party)}'");
            }

            if (parse.GetValue(stix) is { } stixPath)
            {
                var bundle = await node.ReadAsync(state => StixExport.Bundle(state, who), ct).ConfigureAwait(false);
                using var document = JsonDocument.Parse(bundle.ToJsonString());
                var errors = StixValidator.ValidateDocument(document.RootElement).Where(i => i.Severity == Severity.Error).ToList();
                if (errors.Count > 0)
                {
                    return CliOutput.Failure($"the export does not validate as STIX 2.1: {string.Join("; ", errors.Take(3))}");
                }

                await File.WriteAllTextAsync(stixPath, bundle.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct)
                    .ConfigureAwait(false);
                Console.Out.WriteLine($"wrote {bundle["objects"]?.AsArray().Count ?? 0} STIX objects visible to {who} to {stixPath}");
            }

            if (parse.GetValue(records) is { } recordsPath)
            {
                await using var writer = new StreamWriter(recordsPath);
                var count = 0;
                var entries = await node.ReadAsync(
                    state => state.Records.Values.OrderBy(r => r.Sequence).Where(r => Visibility.CanSee(state, r, who))
                        .Select(r => r.Record.ToEntry()).ToList(),
                    ct).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    await writer.WriteLineAsync(Encoding.UTF8.GetString(entry)).ConfigureAwait(false);
                    count++;
                }

                Console.Out.WriteLine($"wrote {count} signed records visible to {who} to {recordsPath}");
            }

            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}
