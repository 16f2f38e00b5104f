using System.CommandLine;
using CyberAccord.Accord.Records;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Cli.Accord.Verbs;

/// <summary>The options the node verbs share, and how their values are read.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// Global (<c>accord --node URL ...</c>, or after the verb): the verbs in <see cref="RemoteCapable"/> then act on a remote
    /// node over its API instead of a local directory; every other verb refuses it rather than silently act locally.
    /// </summary>
    public static readonly Option<string?> Node = NewNodeOption();

    public static readonly Option<string?> Token = NewTokenOption();

    public static HashSet<Command> RemoteCapable { get; } = [];

    public const string StoreHelp = "Keep the projection in PostgreSQL instead of DIR/accord.db: "
        + "postgres://user@host:5432/db?search_path=schema or Host=...;Port=...;Username=...;Database=... "
        + "(the schema defaults to cyberaccord; a password is better kept in PGPASSWORD or ~/.pgpass).";

    // The verbs that act remotely also take both options after the verb; each command needs its own instances.
    public static Option<string?> NewNodeOption() => new("--node")
    {
        Description = "Act on this remote node (such as http://127.0.0.1:8400) over its API; --dir then only supplies your key "
            + "(keys/<party>.pem). Records are signed here; the node checks the signature is yours. "
            + "Supported by '<kind> add', '<kind> list', show, assessment and scorecard.",
    };

    public static Option<string?> NewTokenOption() => new("--token")
    {
        Description = "Your API bearer token on the remote node (default: $ACCORD_TOKEN).",
    };

    public static Option<string> Dir() => new("--dir") { Description = "The node directory.", Required = true };

    /// <summary>The --dir of a verb that reads a local node or, with --node, a remote one.</summary>
    public static Option<string?> LocalDir() => new("--dir") { Description = "The node directory (not with --node)." };

    public static Option<string?> Store(string description) => new("--store") { Description = description };

    /// <summary>The --json of a read verb: its JSON is the API's shape, locally and from a remote node alike.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON (the API's shape)." };

    /// <summary>The bearer token: given after the verb, before it, or in $ACCORD_TOKEN.</summary>
    public static string? TokenOf(ParseResult parse, Option<string?> verbToken) =>
        parse.GetValue(verbToken) ?? parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("ACCORD_TOKEN");

    /// <summary>The remote node a remote-capable verb acts on: --node after the verb or before it; null to act locally.</summary>
    public static string? RemoteOf(ParseResult parse, Option<string?> verbNode) => parse.GetValue(verbNode) ?? parse.GetValue(Node);

    /// <summary>A party given by code (XA) or id (party--xa), as its id.</summary>
    public static string? Party(string? value) => value is null ? null : PartyIds.FromCodeOrId(value);

    /// <summary>The time an --at option names, or now.</summary>
    public static DateTime Time(string? text) =>
        text is null ? DateTime.UtcNow
        : Timestamps.TryParse(text, out var time) >= 0 ? time
        : throw new ArgumentException($"'{text}' is not an RFC 3339 UTC timestamp");
}
