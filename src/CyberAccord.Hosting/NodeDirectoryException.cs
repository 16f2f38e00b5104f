namespace CyberAccord.Hosting;

/// <summary>
/// A node directory cannot be used as asked: it is not a node, already holds one, is served by another process, holds no
/// key for a party, or names a store that cannot be used. Nothing was changed.
/// </summary>
public sealed class NodeDirectoryException(string message) : InvalidOperationException(message);
