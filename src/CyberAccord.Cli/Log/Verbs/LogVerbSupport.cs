using System.CommandLine;
using CyberAccord.Hosting;
using CyberAccord.Log;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary>What the log verbs share: the DIR argument, where a log is, and opening one for writing.</summary>
internal static class LogVerbSupport
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static Argument<string> DirArgument(string description = "The log directory.") => new("dir") { Description = description };

    public static Uri? AsHttpUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>A node directory keeps its log in <c>log/</c>; accept either.</summary>
    public static string ResolveLogRoot(string dir) =>
        !File.Exists(Path.Combine(dir, LogDirectory.ConfigFile)) && File.Exists(Path.Combine(dir, "log", LogDirectory.ConfigFile))
            ? Path.Combine(dir, "log")
            : dir;

    /// <summary>
    /// Opens a log for writing, refusing at once when it is a node's log that <c>accord serve</c> holds (instead of
    /// waiting <see cref="LockTimeout"/> for its lock).
    /// </summary>
    public static Task<TransparencyLog> OpenLogAsync(string dir, CancellationToken ct)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        if (Path.GetFileName(full) == "log" && Path.GetDirectoryName(full) is { } node && NodeDirectory.IsNode(node))
        {
            NodeDirectory.RefuseIfServed(node);
        }

        return LogDirectory.OpenAsync(dir, LockTimeout, ct, NodeDirectory.Sequencers);
    }
}
