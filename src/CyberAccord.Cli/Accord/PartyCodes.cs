using CyberAccord.Accord.State;

namespace CyberAccord.Cli.Accord;

/// <summary>Party ids to the codes people know them by (party--xa is XA), as every line the verbs print names parties.</summary>
internal static class PartyCodes
{
    public static Dictionary<string, string> Of(AccordState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Parties.Values.ToDictionary(p => p.Id, p => p.Code, StringComparer.Ordinal);
    }
}
