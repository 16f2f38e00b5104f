using System.CommandLine;

namespace CyberAccord.Cli.Credentials;

/// <summary>The options the credential verbs share.</summary>
internal static class CredentialOptions
{
    public const string Example = "Example: accord credential add --dir node-cn --party CN";

    public static Option<string> Dir() => new("--dir") { Description = "The node directory.", Required = true };

    public static Option<string> Party() =>
        new("--party") { Description = "The party's code (such as CN) or id (party--cn).", Required = true };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON." };
}
