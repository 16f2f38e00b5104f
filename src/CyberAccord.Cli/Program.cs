using System.CommandLine;
using CyberAccord.Cli.Accord;
using CyberAccord.Cli.Log;
using CyberAccord.Cli.Stix;

var root = new RootCommand("accord: the CyberAccord node's command line. Every verb has --help.");
root.Subcommands.Add(LogCommands.Create());
root.Subcommands.Add(StixCommands.Create());
foreach (var command in AccordCommands.Create())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
