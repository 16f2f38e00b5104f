using System.CommandLine;
using System.CommandLine.Parsing;
using CyberAccord.Cli.Accord;
using CyberAccord.Cli.Accord.Verbs;
using CyberAccord.Cli.Credentials;
using CyberAccord.Cli.Log;
using CyberAccord.Cli.Stix;

var root = new RootCommand("accord: the CyberAccord node's command line. Every verb has --help.");
root.Subcommands.Add(LogCommands.Create());
root.Subcommands.Add(StixCommands.Create());
root.Subcommands.Add(CredentialCommands.Create());
foreach (var command in AccordCommands.Create())
{
    root.Subcommands.Add(command);
}

root.Options.Add(CommonOptions.Node);
root.Options.Add(CommonOptions.Token);
var parse = root.Parse(args);
var remote = parse.GetValue(CommonOptions.Node) is not null || parse.GetValue(CommonOptions.Token) is not null;
if (parse.Errors.Count == 0 && remote && !CommonOptions.RemoteCapable.Contains(parse.CommandResult.Command))
{
    var names = new List<string>();
    for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
    {
        names.Insert(0, result.Command.Name);
    }

    Console.Error.WriteLine($"accord: error: 'accord {string.Join(' ', names)}' does not act on a remote node; "
        + "--node and --token work with '<kind> add', '<kind> list', show, assessment and scorecard");
    return 2;
}

return await parse.InvokeAsync().ConfigureAwait(false);
