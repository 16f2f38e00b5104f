using CyberAccord.Accord.Node;
using CyberAccord.Accord.State;

namespace CyberAccord.Tests;

/// <summary>How tests outside the accord library look at a node's state: through its one read path.</summary>
internal static class NodeStates
{
    /// <summary>
    /// The node's state, taken through <see cref="AccordNode.ReadAsync{T}"/>. For assertions made while the test itself is
    /// the only writer: the object is the live state, read-only from here, and a later write changes what it shows.
    /// </summary>
    public static AccordState CurrentState(this AccordNode node) =>
        node.ReadAsync(state => state, CancellationToken.None).GetAwaiter().GetResult();
}
