using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Simulator.Dns;

/// <summary>A UDP DNS server on loopback answering from a <see cref="DnsZone"/>.</summary>
internal sealed partial class DnsServer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly DnsZone _zone;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DnsServer(DnsZone zone, ILogger logger)
    {
        _zone = zone;
        _logger = logger;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public IPEndPoint EndPoint { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // ICMP port unreachable from a client that went away shows up here on some platforms.
                LogReceiveFailed(ex.SocketErrorCode);
                continue;
            }

            var reply = DnsMessage.Answer(buffer.AsSpan(0, received.ReceivedBytes), _zone);
            if (reply is null)
            {
                continue;
            }

            try
            {
                await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogReceiveFailed(ex.SocketErrorCode);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Simulated DNS socket error {Error}")]
    private partial void LogReceiveFailed(SocketError error);
}
