namespace CyberAccord.Accord.Projection;

/// <summary>What a column of the records table holds; each store names the type in its own SQL.</summary>
public enum RecordColumnType
{
    /// <summary>The record's log index, a 64-bit integer, the table's primary key.</summary>
    Sequence,

    /// <summary>Text, compared byte-wise, never null.</summary>
    Text,

    /// <summary>Bytes, never null.</summary>
    Bytes,
}

/// <summary>A column of the records table.</summary>
public sealed record RecordColumn(string Name, RecordColumnType Type);
