using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Tests.Conformance;

namespace CyberAccord.Log.Tests.Storage;

/// <summary>The sequencing contract on the embedded journal files.</summary>
public sealed class SequenceJournalConformanceTests : SequencerConformance
{
    protected override Task<ISequencer> OpenAsync(long integratedSize) =>
        Task.FromResult<ISequencer>(SequenceJournal.Open(Dir.Sub("sequence"), integratedSize));
}
