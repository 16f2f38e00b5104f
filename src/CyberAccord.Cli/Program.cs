using System.CommandLine;
using CyberAccord.Cli.Log;

var root = new RootCommand("accord: the CyberAccord node's command line. Every verb has --help.");
root.Subcommands.Add(LogCommands.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
