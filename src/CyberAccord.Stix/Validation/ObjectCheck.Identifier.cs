using CyberAccord.Stix.Model;

namespace CyberAccord.Stix.Validation;

/// <summary>
/// The object's own id: its form, that it names the object's type, and its UUID version: 4 for most objects, for
/// observables the deterministic UUIDv5 of their id-contributing properties (§2.9).
/// </summary>
internal sealed partial class ObjectCheck
{
    private void CheckIdentifier(StixCategory category)
    {
        if (_id is null)
        {
            return;
        }

        if (!StixIdentifier.TryParse(_id, out var idType, out _, out var version))
        {
            Error("id-format", ".id", $"'{_id}' is not a STIX identifier: <type>--<RFC 4122 UUID, version 1–5>");
            return;
        }

        if (idType != _type)
        {
            Error("id-type-mismatch", ".id", $"the id's type '{idType}' differs from the object's type '{_type}'");
        }

        if (category == StixCategory.CyberObservable && _spec is not null)
        {
            CheckObservableIdentifier(version);
        }
        else if (category != StixCategory.CyberObservable && version != 4)
        {
            Warn("id-uuid-version", ".id", $"identifiers of {_type} objects should use UUIDv4, not version {version}");
        }
    }

    private void CheckObservableIdentifier(int version)
    {
        var expected = StixIdentifier.DeterministicScoId(_type, element, _spec!.IdContributing);
        if (expected is null && version != 4)
        {
            Error("sco-id-version", ".id", $"a {_type} with no id-contributing properties must have a UUIDv4 id, not version {version}");
        }
        else if (expected is not null && version == 5 && !string.Equals(expected, _id, StringComparison.OrdinalIgnoreCase))
        {
            Warn(
                "sco-id-deterministic",
                ".id",
                $"a UUIDv5 id of a {_type} should be computed from its id-contributing properties: expected {expected}");
        }
        else if (expected is not null && version != 5)
        {
            Warn("sco-id-deterministic", ".id", $"a {_type} should have the deterministic UUIDv5 id {expected}");
        }
    }
}
