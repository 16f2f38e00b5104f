using System.CommandLine;
using CyberAccord.Cli.Remote;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary>A verb that reads a local node (--dir) or a remote one (--node), never both.</summary>
internal static class ReadVerb
{
    public static Command Create(
        string name,
        string description,
        Func<ParseResult, RemoteNode, CancellationToken, Task<int>> remote,
        Func<ParseResult, string, CancellationToken, Task<int>> local,
        params Symbol[] symbols)
    {
        var dir = CommonOptions.LocalDir();
        var node = CommonOptions.NewNodeOption();
        var token = CommonOptions.NewTokenOption();
        var command = new Command(name, description) { dir, node, token };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option: command.Options.Add(option); break;
                case Argument argument: command.Arguments.Add(argument); break;
            }
        }

        CommonOptions.RemoteCapable.Add(command);
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            if (CommonOptions.RemoteOf(parse, node) is { } url)
            {
                return parse.GetValue(dir) is not null
                    ? CliOutput.Error("give --dir (a local node) or --node (a remote one), not both")
                    : await remote(parse, new RemoteNode(url, CommonOptions.TokenOf(parse, token)), ct).ConfigureAwait(false);
            }

            return parse.GetValue(dir) is { } localDir
                ? await local(parse, localDir, ct).ConfigureAwait(false)
                : CliOutput.Error("give --dir (a local node) or --node (a remote one)");
        }).ConfigureAwait(false));
        return command;
    }
}
