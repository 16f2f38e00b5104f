using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CyberAccord.Cli.Tests;

/// <summary><c>accord serve</c> on a node directory, on a free loopback port, stopped as a service manager stops it.</summary>
internal sealed class ServedNode : IAsyncDisposable
{
    private ServedNode(Process process, string url)
    {
        Process = process;
        Url = url;
    }

    public Process Process { get; }

    public string Url { get; }

    /// <summary>Starts <c>serve</c> and waits until it listens.</summary>
    public static async Task<ServedNode> StartAsync(string node)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(AccordProcess.StartInfo("serve", "--dir", node, "--urls", url))!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("serving", line, StringComparison.Ordinal);
        return new ServedNode(process, url);
    }

    /// <summary>SIGTERM, then the process tree killed if it has not stopped within 30 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Assert.Equal(0, Kill(Process.Id));
            if (!Process.WaitForExit(30_000))
            {
                Process.Kill(entireProcessTree: true);
            }
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal = 15);
}
