using CyberAccord.Accord.Node;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CyberAccord.Server;

/// <summary>
/// Publishes a signed checkpoint over what POSTs sequenced, at a steady pace rather than one per write (Tessera's lesson);
/// entries are durable before that. On stop it publishes once more, so nothing sequenced is left without a checkpoint.
/// </summary>
internal sealed partial class CheckpointPublisher(AccordNode node, TimeSpan interval, ILogger<CheckpointPublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await node.IntegrateAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed integration leaves the entries sequenced; the next tick tries again, and the operator is told.
                    PublishFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await node.IntegrateAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "publishing a checkpoint failed; the next interval tries again")]
    private static partial void PublishFailed(ILogger logger, Exception exception);
}
