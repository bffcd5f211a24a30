using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Greenlight.Kernel.Security.Secrets;
using Greenlight.Modules.FrameConnector.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Modules.FrameConnector.Common;

/// <summary>A connection's Frame.io calls: the documented ones and the assumed ones, sharing one transport. Live objects of one host: they never cross a grain call.</summary>
public sealed record FrameioApis(IFrameioClient Client, IFrameioAssumedCalls Assumed);

/// <summary>
/// Builds, on this host, the clients of a connection from its token (a <see cref="ConnectionTarget"/> carries it sealed).
/// One client pair per token, kept for the life of the host so its rate-limit pacing (learnt from the x-ratelimit
/// headers) is shared by every job of that connection that runs here.
/// </summary>
public sealed class FrameioClients(IOptions<FrameConnectorOptions> options, ISecretProtector secrets, ILoggerFactory logs, TimeProvider time) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentDictionary<string, FrameioApis> _byToken = new();

    public FrameioApis For(ConnectionTarget target) => For(secrets.Unprotect(target.Token.Protected), target.Token.Legacy);

    public FrameioApis For(string token, bool legacy) =>
        _byToken.GetOrAdd(Fingerprint(token, legacy), _ =>
        {
            var credentials = new FrameioCredentials(token, legacy);
            var clientOptions = options.Value.ClientOptions();
            return new FrameioApis(
                new FrameioClient(_http, credentials, clientOptions, time, logs.CreateLogger<FrameioClient>()),
                new FrameioAssumedCalls(_http, credentials, clientOptions, time, logs.CreateLogger<FrameioAssumedCalls>()));
        });

    public void Dispose() => _http.Dispose();

    private static string Fingerprint(string token, bool legacy) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))) + (legacy ? ":legacy" : "");
}
