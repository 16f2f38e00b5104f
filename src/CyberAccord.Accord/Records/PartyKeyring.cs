using System.Text.Json.Nodes;

namespace CyberAccord.Accord.Records;

/// <summary>The signing keys a node holds for the parties it signs for: its own party (every party, in the demo).</summary>
public sealed class PartyKeyring(Func<string, PartyKey?> keyFor)
{
    /// <summary>Whether this node holds a key for <paramref name="party"/>.</summary>
    public bool CanSign(string party)
    {
        using var key = keyFor(party);
        return key is not null;
    }

    /// <summary>Signs a record as <paramref name="party"/>, now, or returns null when this node holds no key for it.</summary>
    public AccordRecord? Sign(string party, string kind, string id, JsonObject body)
    {
        using var key = keyFor(party);
        return key is null ? null : AccordRecord.Sign(kind, id, party, DateTime.UtcNow, body, key);
    }

    /// <summary>The key itself, for signing many records at once; the caller disposes it.</summary>
    internal PartyKey? KeyFor(string party) => keyFor(party);
}
