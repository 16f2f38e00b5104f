namespace CyberAccord.Cli.Terminal;

/// <summary>Error and warning lines on standard error, in the one form every verb uses.</summary>
internal static class CliOutput
{
    public static int Error(string message)
    {
        Console.Error.WriteLine($"accord: error: {message}");
        return ExitCodes.Error;
    }

    /// <summary>Something the command repaired or noticed on its own; it goes on.</summary>
    public static void Warning(string message) => Console.Error.WriteLine($"accord: warning: {message}");

    public static int Failure(string message)
    {
        Console.Error.WriteLine($"accord: FAILED: {message}");
        return ExitCodes.Failed;
    }
}
