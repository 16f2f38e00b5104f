using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CyberAccord.Accord.Projection;

/// <summary>
/// The canonical text of a store, one format for every backend, so that two backends fed the same log can be compared byte
/// for byte: a <c>## records</c> line, then each row's values joined by <c> | </c> (bytes as their SHA-256).
/// </summary>
public static class ProjectionDump
{
    /// <summary>The dump query: every column, in log order.</summary>
    public static string Query => RecordTable.SelectAll;

    /// <summary>Renders the rows read from <paramref name="reader"/> (opened on <see cref="Query"/>).</summary>
    public static async Task<string> RenderAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var output = new StringBuilder();
        output.Append("## ").Append(RecordTable.Name).Append('\n');
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (i > 0)
                {
                    output.Append(" | ");
                }

                var value = reader.GetValue(i);
                output.Append(value is byte[] bytes
                    ? Convert.ToHexStringLower(SHA256.HashData(bytes))
                    : Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            output.Append('\n');
        }

        return output.ToString();
    }
}
