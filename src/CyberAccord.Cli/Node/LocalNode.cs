using CyberAccord.Accord.Node;
using CyberAccord.Cli.Terminal;
using CyberAccord.Hosting;

namespace CyberAccord.Cli.Node;

/// <summary>Opens a node directory for a verb that acts on it here, warning on standard error about what opening repaired.</summary>
internal static class LocalNode
{
    public static Task<AccordNode> OpenAsync(string dir, CancellationToken cancellationToken, string? store = null) =>
        NodeDirectory.OpenAsync(dir, cancellationToken, store, CliOutput.Warning);
}
