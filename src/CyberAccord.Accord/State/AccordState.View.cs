using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// A reader's view: the state as one reader may know it. Every figure, finding, timeline and status a reader gets is
/// computed from its view, so that none can rest on a record the reader may not see.
/// </summary>
public sealed partial class AccordState
{
    /// <summary>True for a reader's view, which nothing may change.</summary>
    public bool IsView { get; private init; }

    /// <summary>The reader this view was made for (null for the whole state, or for an anonymous reader's view).</summary>
    public string? Reader { get; private init; }

    private void RequireWritable()
    {
        if (IsView)
        {
            throw new InvalidOperationException("a reader's view of the state is read-only");
        }
    }

    /// <summary>
    /// The accord records <paramref name="reader"/> may see, as a state of their own: the registry (parties and accords are
    /// public), and of every other kind only what <see cref="Visibility.CanSee(AccordState, StoredRecord, string?)"/> allows.
    /// Within what is seen, what rests on the unseen is cut too: a request's status, clock and first response come from the
    /// updates the reader may see, and a claim counts as backed by shared evidence only through evidence the reader may see.
    /// Shared STIX objects are not part of a view: TAXII serves them object by object under the same rule.
    /// </summary>
    public AccordState SeenBy(string? reader)
    {
        var view = new AccordState { IsView = true, Reader = reader };
        bool Sees(string id) => _records.TryGetValue(id, out var stored) && Visibility.CanSee(this, stored, reader);
        foreach (var stored in _accordEntries)
        {
            if (stored.Record.Kind is RecordKinds.Party or RecordKinds.Accord || Visibility.CanSee(this, stored, reader))
            {
                view._entries.Add(stored);
                view._accordEntries.Add(stored);
                view.Count++;
                if (ReferenceEquals(_records[stored.Record.Id], stored))
                {
                    view._records[stored.Record.Id] = stored;
                }
            }
        }

        foreach (var (id, party) in Parties)
        {
            view._parties[id] = party;
        }

        foreach (var (id, accord) in Accords)
        {
            view._accords[id] = accord;
        }

        view._collectionList = _collectionList;
        view._collectionsById = _collectionsById;
        view._collectionsByAlias = _collectionsByAlias;
        view._designations.AddRange(Designations.Where(d => EntryAt(d.Sequence) is { } entry && Visibility.CanSee(this, entry, reader)));
        Copy(_incidents, view._incidents, Sees);
        Copy(_evidence, view._evidence, Sees);
        Copy(_statements, view._statements, Sees);
        Copy(_positions, view._positions, Sees);
        foreach (var (id, claim) in Claims)
        {
            if (Sees(id))
            {
                var evidence = claim.Evidence.Where(view.Evidence.ContainsKey).ToList();
                view._claims[id] = claim with { Evidence = evidence, Unsupported = !evidence.Any(e => view.Evidence[e].IsShared) };
            }
        }

        foreach (var (id, request) in Requests)
        {
            if (Sees(id))
            {
                view._requests[id] = request with { Updates = [.. request.Updates.Where(u => Sees(u.Id))] };
            }
        }

        return view;
    }

    private static void Copy<T>(Dictionary<string, T> from, Dictionary<string, T> to, Func<string, bool> sees)
    {
        foreach (var (id, item) in from)
        {
            if (sees(id))
            {
                to[id] = item;
            }
        }
    }
}
