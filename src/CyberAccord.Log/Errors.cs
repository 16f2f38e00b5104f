namespace CyberAccord.Log;

/// <summary>A Merkle proof does not prove what it claims.</summary>
public sealed class ProofException(string message) : Exception(message);

/// <summary>The log's stored files contradict each other or their checkpoint; the message names the file.</summary>
public sealed class LogCorruptException(string message, string? path = null) : Exception(message)
{
    /// <summary>The file at fault, relative to the log's root, where one can be named.</summary>
    public string? Path { get; } = path;
}

/// <summary>An entry, note, key or request is malformed; the message says what and where.</summary>
public sealed class LogFormatException(string message) : FormatException(message);

/// <summary>An operation cannot proceed in the log's current state (locked, missing, already exists).</summary>
public sealed class LogStateException(string message) : InvalidOperationException(message);
