using System.Text;

namespace CyberAccord.Log.Notes;

/// <summary>
/// The keys a reader trusts. Opening a note follows Go's note package: signatures by unknown keys
/// are ignored, a failing signature by a known key rejects the note, and at least one known key
/// must have signed.
/// </summary>
public sealed class NoteVerifierSet
{
    private readonly Dictionary<(string Name, uint Id), List<INoteVerifier>> _verifiers = [];

    public NoteVerifierSet(IEnumerable<INoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        foreach (var verifier in verifiers)
        {
            var key = (verifier.KeyName, verifier.KeyId);
            if (!_verifiers.TryGetValue(key, out var list))
            {
                _verifiers[key] = list = [];
            }

            list.Add(verifier);
        }
    }

    public static NoteVerifierSet FromVerifierKeys(IEnumerable<string> vkeys) => new(vkeys.Select(VerifierKeys.Parse));

    public int Count => _verifiers.Count;

    /// <summary>Checks the signatures; returns the verified ones and those by keys not in this set.</summary>
    public OpenedNote Open(SignedNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var text = Encoding.UTF8.GetBytes(note.Text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seen = new HashSet<(string, uint)>();
        foreach (var signature in note.Signatures)
        {
            if (!_verifiers.TryGetValue((signature.KeyName, signature.KeyId), out var candidates))
            {
                unverified.Add(signature);
                continue;
            }

            if (candidates.Count > 1)
            {
                throw new NoteVerificationException($"ambiguous key {signature.KeyName}+{signature.KeyId:x8}: listed more than once");
            }

            if (!seen.Add((signature.KeyName, signature.KeyId)))
            {
                continue;
            }

            if (!candidates[0].Verify(text, signature.Signature))
            {
                throw new NoteVerificationException($"invalid signature for key {signature.KeyName}+{signature.KeyId:x8}");
            }

            verified.Add(signature);
        }

        if (verified.Count == 0)
        {
            throw new NoteVerificationException("note has no verifiable signatures: no signature by a trusted key");
        }

        return new OpenedNote(note, verified, unverified);
    }

    public OpenedNote Open(ReadOnlySpan<byte> message) => Open(SignedNote.Parse(message));
}

public sealed record OpenedNote(SignedNote Note, IReadOnlyList<NoteSignature> Verified, IReadOnlyList<NoteSignature> Unverified);

/// <summary>A note's signatures do not satisfy the reader's keys.</summary>
public sealed class NoteVerificationException(string message) : Exception(message);
