using CyberAccord.Accord.State;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.Projection;

/// <summary>
/// The one table a store keeps, defined here once for every backend: each record the node applied, as its log entry,
/// under its log index, with the fields an operator looks for beside it. Nothing derived from the state is stored: every
/// read (TAXII pages, the API, scorecards) is computed from the in-memory state, where the audience rules live.
/// </summary>
public static class RecordTable
{
    /// <summary>
    /// The layout's version, kept in each store's meta table. Version 2 keeps only the records; opening a version-1 store
    /// drops the tables it derived from the state (<see cref="RetiredTables"/>).
    /// </summary>
    public const int SchemaVersion = 2;

    public const string Name = "records";

    public static IReadOnlyList<RecordColumn> Columns { get; } =
    [
        new("seq", RecordColumnType.Sequence),
        new("id", RecordColumnType.Text),
        new("kind", RecordColumnType.Text),
        new("author", RecordColumnType.Text),
        new("created", RecordColumnType.Text),
        new("entry", RecordColumnType.Bytes),
    ];

    /// <summary>The column names in order, comma-separated.</summary>
    public static string ColumnList { get; } = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>One row's INSERT, with positional parameters <c>$1</c>… in column order.</summary>
    public static string Insert { get; } =
        $"INSERT INTO {Name} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$" + (i + 1)))})";

    /// <summary>Every row in log order, every column.</summary>
    public static string SelectAll { get; } = $"SELECT {ColumnList} FROM {Name} ORDER BY seq";

    /// <summary>The table's CREATE statement, with each column's type (and constraints) named by the backend.</summary>
    public static string Create(Func<RecordColumnType, string> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"CREATE TABLE IF NOT EXISTS {Name} ({string.Join(", ", Columns.Select(c => $"{c.Name} {type(c.Type)}"))})";
    }

    /// <summary>
    /// The rows of a batch, values in column order. Taken at once, before a store's write goes asynchronous, so the caller
    /// may go on applying records while the batch is written.
    /// </summary>
    public static object[][] Rows(IReadOnlyList<StoredRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = new object[records.Count][];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = records[i].Record;
            rows[i] = [records[i].Sequence, r.Id, r.Kind, r.Author, Timestamps.Format(r.Created), r.ToEntry()];
        }

        return rows;
    }
}
