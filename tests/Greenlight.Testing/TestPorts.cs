using System.Net;
using System.Net.Sockets;

namespace Greenlight.Testing;

public static class TestPorts
{
    /// <summary>A loopback port nothing listens on right now (for a host's HTTP or silo endpoint).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
