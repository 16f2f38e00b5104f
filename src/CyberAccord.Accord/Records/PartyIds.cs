namespace CyberAccord.Accord.Records;

/// <summary>Party ids as people type them: a code such as <c>CN</c> stands for <c>party--cn</c>.</summary>
public static class PartyIds
{
    public const string Prefix = "party--";

    /// <summary>The party id for a code or an id; an id is returned as it is.</summary>
    public static string FromCodeOrId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith(Prefix, StringComparison.Ordinal) ? value : Prefix + value.ToLowerInvariant();
    }
}
