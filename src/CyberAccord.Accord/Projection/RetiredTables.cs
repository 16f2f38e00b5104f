namespace CyberAccord.Accord.Projection;

/// <summary>
/// What schema version 1 kept beside the records and version 2 drops on open: ten tables derived from the state, written
/// on every batch and read by nothing (every read is computed from the in-memory state), and an index on record ids that
/// no query used. Dropped rather than ignored, so that no operator reads rows that have stopped being kept current.
/// </summary>
public static class RetiredTables
{
    public static IReadOnlyList<string> Tables { get; } =
        ["parties", "accords", "designations", "incidents", "evidence", "claims", "requests", "statements", "positions", "stix_objects"];

    public static IReadOnlyList<string> Indexes { get; } = ["records_id"];

    /// <summary>The statements that drop them, for either backend (both have <c>DROP … IF EXISTS</c>).</summary>
    public static string Drop { get; } =
        string.Concat(Tables.Select(t => $"DROP TABLE IF EXISTS {t};").Concat(Indexes.Select(i => $"DROP INDEX IF EXISTS {i};")));
}
