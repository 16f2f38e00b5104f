namespace CyberAccord.Cli.Remote;

/// <summary>A remote node could not be reached or asked, or it answered with an error.</summary>
/// <param name="message">What went wrong, naming the node.</param>
/// <param name="inputRefused">
/// The node judged the input (not yours, malformed, refused by the accord): a failure of the input, as a refusal is locally.
/// </param>
internal sealed class RemoteNodeException(string message, bool inputRefused = false) : Exception(message)
{
    public bool InputRefused { get; } = inputRefused;
}
