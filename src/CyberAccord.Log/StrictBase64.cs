namespace CyberAccord.Log;

/// <summary>Base64 fields of notes, keys and checkpoints: text that does not decode is a format error of the thing it is in.</summary>
internal static class StrictBase64
{
    /// <summary>
    /// Decodes <paramref name="encoded"/>; throws <see cref="LogFormatException"/> with <paramref name="error"/> when it is not base64.
    /// </summary>
    public static byte[] Decode(string encoded, string error)
    {
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new LogFormatException(error);
        }
    }
}
