using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;

namespace CyberAccord.Accord.Tests;

/// <summary>Builds parties with keys and signed records on hand, so each test states exactly the records it needs.</summary>
internal sealed class AccordBuilder : IDisposable
{
    private readonly Dictionary<string, PartyKey> _keys = new(StringComparer.Ordinal);
    private long _sequence;

    public AccordState State { get; } = new();

    public static DateTime T(string text) => DateTime.Parse(
        text,
        System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    public PartyKey Key(string party) => _keys[party];

    public string Party(string code, string kind = "state")
    {
        var id = "party--" + code.ToLowerInvariant();
        var key = PartyKey.Generate();
        _keys[id] = key;
        var body = new JsonObject
        {
            ["code"] = code,
            ["name"] = code,
            ["kind"] = kind,
            ["keys"] = new JsonArray(new JsonObject { ["public_key"] = Convert.ToBase64String(key.PublicKey) }),
        };
        Apply(AccordRecord.Sign(RecordKinds.Party, id, id, T("2013-01-01"), body, key));
        return id;
    }

    public AccordRecord Sign(string kind, string author, string created, string body, string? id = null) =>
        AccordRecord.Sign(kind, id ?? $"{kind}--{Guid.NewGuid()}", author, T(created), JsonNode.Parse(body)!.AsObject(), _keys[author]);

    public string Add(string kind, string author, string created, string body, string? id = null)
    {
        var record = Sign(kind, author, created, body, id);
        Apply(record);
        return record.Id;
    }

    public void Apply(AccordRecord record) => State.Apply(record, _sequence++);

    /// <summary>An accord between the given parties, carrying every commitment the rules know.</summary>
    public string Accord(params string[] parties) =>
        Add(RecordKinds.Accord, parties[0], "2015-09-25", $$"""
            {"title":"2015 accord","parties":[{{string.Join(',', parties.Select(p => $"\"{p}\""))}}],
             "commitments":["USCN-2015-1","USCN-2015-3","GGE2015-13c","GGE2015-13f","GGE2015-13h"]}
            """);

    public string Designation(string party, string categories, string effective = "2013-01-01", string? scopes = null) =>
        Add(RecordKinds.Designation, party, effective, $$"""
            {"framework":"national list of {{party}}","legal_basis":"law","effective":"{{effective}}T00:00:00Z",
             "sectors":[{{string.Join(',', categories.Split(',').Select(c => $$"""{"id":"{{c}}","name":"{{c}}","category":"{{c}}"}"""))}}]
             {{(scopes is null ? string.Empty : ",\"scopes\":" + scopes)}}}
            """);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
