using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CyberAccord.Accord.Projection;

/// <summary>
/// The canonical text of a projection, one format for every store, so that two backends fed the same log can be compared
/// byte for byte: per table a <c>## name</c> line, then each row's values joined by <c> | </c> (bytes as their SHA-256).
/// </summary>
public static class ProjectionDump
{
    /// <summary>The dump query for a table: every column, in key order.</summary>
    public static string Query(ProjectionTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"SELECT * FROM {table.Name} ORDER BY 1, 2";
    }

    /// <summary>Appends one table's section, reading its rows from <paramref name="reader"/> (opened on <see cref="Query"/>).</summary>
    public static async Task AppendAsync(StringBuilder output, ProjectionTable table, DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reader);
        output.Append("## ").Append(table.Name).Append('\n');
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (i > 0)
                {
                    output.Append(" | ");
                }

                var value = reader.GetValue(i);
                output.Append(value is byte[] bytes ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) : Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            output.Append('\n');
        }
    }

    /// <summary>Every table in dump order: the derived tables, then the records.</summary>
    public static IEnumerable<ProjectionTable> Tables => ProjectionRows.Derived.Append(ProjectionRows.Records);
}
