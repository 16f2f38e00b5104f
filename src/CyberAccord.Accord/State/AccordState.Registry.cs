using System.Net;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>The registry: parties (codes and names their own), accords, and critical-infrastructure lists, each versioned.</summary>
public sealed partial class AccordState
{
    /// <summary>
    /// The code of party <paramref name="partyId"/>, for people to read; the id itself for a party this state does not hold.
    /// </summary>
    public string CodeOf(string partyId) => Parties.TryGetValue(partyId, out var party) ? party.Code : partyId;

    private Action CheckParty(AccordRecord record, BodyReader body)
    {
        RequireIdPrefix(record);
        if (record.Author != record.Id)
        {
            throw new RecordRejectedException(
                "$.author",
                $"a party record is authored by the party itself ('{record.Id}'), not '{record.Author}'");
        }

        var keys = body.Objects("keys", required: true).Select(k =>
        {
            byte[] publicKey;
            try
            {
                publicKey = Convert.FromBase64String(k.Required("public_key"));
            }
            catch (FormatException)
            {
                throw k.Error("public_key", "must be base64 of a DER SubjectPublicKeyInfo");
            }

            var keyId = PartyKey.IdOf(publicKey);
            var declared = k.Optional("key_id");
            if (declared is not null && declared != keyId)
            {
                throw k.Error("key_id", $"'{declared}' is not the id of this key ({keyId})");
            }

            return new PartyKeyInfo(keyId, publicKey, k.OneOf("status", ["active", "revoked"], "active"));
        }).ToList();

        // A new party signs its registration with a key it registers; a later version must be signed with a key active before it.
        var previous = Parties.GetValueOrDefault(record.Id);
        RequireSignature(record, previous?.Keys ?? keys);
        var contacts = body.Objects("contacts")
            .Select(c => new Contact(
                c.OneOf("role", Vocabulary.ContactRoles),
                c.Required("name"),
                c.Optional("email"),
                c.Optional("phone"),
                c.Strings("languages")))
            .ToList();
        var code = body.Required("code");
        if (code.Length is < 2 or > 12 || !code.All(char.IsAsciiLetterUpper))
        {
            throw body.Error("code", $"'{code}' is not a party code: 2 to 12 capital letters, such as CN or DE");
        }

        // A party's code names it (its id, its pair collections, every page that shows it): it is its own, and it never changes.
        if (record.Id != PartyIds.Prefix + code.ToLowerInvariant())
        {
            throw body.Error("code", previous is null
                ? $"the party with code {code} has the id {PartyIds.Prefix}{code.ToLowerInvariant()}, not '{record.Id}'"
                : $"{record.Id} has the code {previous.Code}; a party's code cannot change");
        }

        var name = body.Required("name");
        if (Parties.Values.FirstOrDefault(p =>
                p.Id != record.Id && string.Equals(p.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } namesake)
        {
            throw body.Error("name", $"'{name}' is the name of {namesake.Id}; each party's name is its own");
        }

        RequireNextVersion(body, record.Id, previous?.Version ?? 0);
        var party = new Party(
            record.Id,
            code,
            name,
            body.OneOf("kind", Vocabulary.PartyKinds),
            contacts,
            keys,
            (previous?.Version ?? 0) + 1);
        if (!keys.Any(k => k.Status == "active"))
        {
            throw body.Error("keys", "a party needs at least one active key");
        }

        RequireDistinctCollections(Parties.Values.Where(p => p.Id != party.Id).Append(party), Accords.Values);
        return () => _parties[party.Id] = party;
    }

    private Action CheckAccord(AccordRecord record, BodyReader body)
    {
        if (Accords.TryGetValue(record.Id, out var existing) && existing.Author != record.Author)
        {
            throw new RecordRejectedException("$.author", $"only {existing.Author} can publish a new version of {record.Id}");
        }

        if (CollectionDescriptor.AccordAliasProblem(record.Id) is { } problem)
        {
            throw new RecordRejectedException("$.id", problem);
        }

        RequireNextVersion(body, record.Id, existing?.Version ?? 0);
        var parties = body.Strings("parties", required: true);
        RequireParties("$.body.parties", parties);
        if (parties.Distinct(StringComparer.Ordinal).Count() != parties.Count)
        {
            throw body.Error("parties", "names a party twice");
        }

        if (!parties.Contains(record.Author))
        {
            throw body.Error("parties", $"the author {record.Author} must be a party to the accord");
        }

        var commitments = body.Strings("commitments", required: true);
        for (var i = 0; i < commitments.Count; i++)
        {
            if (!Catalogue.Commitments.ContainsKey(commitments[i]))
            {
                throw new RecordRejectedException($"$.body.commitments[{i}]", $"'{commitments[i]}' is not in the commitment catalogue");
            }
        }

        var accord = new AccordInfo(record.Id, record.Author, body.Required("title"), parties, commitments, body.OptionalTime("signed_on"))
        {
            Version = (existing?.Version ?? 0) + 1,
        };
        RequireDistinctCollections(Parties.Values, Accords.Values.Where(a => a.Id != accord.Id).Append(accord));
        return () => _accords[accord.Id] = accord;
    }

    private Action CheckDesignation(AccordRecord record, BodyReader body)
    {
        var sectors = body.Objects("sectors", required: true)
            .Select(s => new CiSector(
                s.Required("id"),
                s.Required("name"),
                s.OneOf("category", Vocabulary.CiCategories),
                s.Optional("legal_basis")))
            .ToList();
        var sectorIds = sectors.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var scopes = body.Objects("scopes").Select(s =>
        {
            var sector = s.Required("sector");
            if (!sectorIds.Contains(sector))
            {
                throw s.Error("sector", $"'{sector}' is not one of this designation's sectors");
            }

            var ipv4 = s.Strings("ipv4");
            foreach (var prefix in ipv4)
            {
                if (!IPNetwork.TryParse(prefix, out var network)
                    || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    throw s.Error("ipv4", $"'{prefix}' is not an IPv4 prefix such as 198.51.100.0/24");
                }
            }

            var ipv6 = s.Strings("ipv6");
            foreach (var prefix in ipv6)
            {
                if (!IPNetwork.TryParse(prefix, out var network)
                    || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                {
                    throw s.Error("ipv6", $"'{prefix}' is not an IPv6 prefix such as 2001:db8::/32");
                }
            }

            return new CiScope(sector, ipv4, ipv6, s.Strings("asns"), s.Strings("domains"));
        }).ToList();
        var designation = new Designation(
            record.Id,
            record.Author,
            body.Required("framework"),
            body.Required("legal_basis"),
            body.RequiredTime("effective"),
            sectors,
            scopes,
            record.Created);
        if (Designations.Any(d => d.Id == record.Id && d.Party != record.Author))
        {
            throw new RecordRejectedException("$.author", $"only the designating party can publish a new version of {record.Id}");
        }

        RequireNextVersion(body, record.Id, Designations.Count(d => d.Id == record.Id));
        return () => _designations.Add(designation with { Sequence = _committing!.Sequence });
    }

    /// <summary>
    /// A new version of a party, accord or list states its number, the current one plus one: an old signed version
    /// re-submitted byte for byte names a number already passed, so it can never become current again.
    /// </summary>
    private static void RequireNextVersion(BodyReader body, string id, long current)
    {
        var stated = body.OptionalInt("version", 1, int.MaxValue) ?? 1;
        if (stated != current + 1)
        {
            throw body.Error("version", current == 0
                ? $"'{id}' is new: its first version is 1, not {stated}"
                : $"'{id}' is at version {current}; a new version states \"version\": {current + 1} "
                    + $"(version {stated} is not the next one)");
        }
    }

    /// <summary>The state never holds two collections with one id or alias.</summary>
    private static void RequireDistinctCollections(IEnumerable<Party> parties, IEnumerable<AccordInfo> accords)
    {
        if (CollectionDescriptor.Collision(CollectionDescriptor.For(parties, accords)) is { } alias)
        {
            throw new RecordRejectedException("$.id", $"this record would give two collections the alias or id of '{alias}'");
        }
    }
}
