using System.Globalization;

namespace CyberAccord.Stix.Validation;

/// <summary>STIX timestamps: RFC 3339, UTC, with a literal Z (§3.2). Parsed by hand; this is on the hot path.</summary>
public static class Timestamps
{
    /// <summary>
    /// Parses <c>YYYY-MM-DDTHH:MM:SS[.fff…]Z</c>; returns the digits of fraction, or -1 when the text is not a valid timestamp.
    /// </summary>
    public static int TryParse(string text, out DateTime value)
    {
        value = default;
        if (text.Length < 20 || text[^1] != 'Z' ||
            text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return -1;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return -1;
        }

        var fraction = 0;
        long ticks = 0;
        if (text.Length > 20)
        {
            if (text[19] != '.')
            {
                return -1;
            }

            fraction = text.Length - 21;
            if (fraction < 1)
            {
                return -1;
            }

            for (var i = 20; i < text.Length - 1; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return -1;
                }

                if (i < 27)
                {
                    ticks = (ticks * 10) + (text[i] - '0');
                }
            }

            for (var i = Math.Min(fraction, 7); i < 7; i++)
            {
                ticks *= 10;
            }
        }
        else if (text[19] != 'Z')
        {
            return -1;
        }

        // A leap second (:60) is legal in RFC 3339; it is read as the last tick of the minute.
        var leap = second == 60;
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 60)
        {
            return -1;
        }

        value = new DateTime(year, month, day, hour, minute, leap ? 59 : second, DateTimeKind.Utc)
            .AddTicks(leap ? TimeSpan.TicksPerSecond - 1 : ticks);
        return fraction;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }

    public static string Format(DateTime value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
