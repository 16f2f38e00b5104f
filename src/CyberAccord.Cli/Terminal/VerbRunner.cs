namespace CyberAccord.Cli.Terminal;

/// <summary>Runs a verb's action: every verb's errors become exit codes and messages here, by <see cref="ExitCodes.For"/>.</summary>
internal static class VerbRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (ExitCodes.For(e) is { } outcome)
        {
            return outcome.Print();
        }
    }
}
