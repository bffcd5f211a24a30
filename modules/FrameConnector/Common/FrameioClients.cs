using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Modules.FrameConnector.Common;

/// <summary>A connection's Frame.io calls: the documented ones and the assumed ones, sharing one transport.</summary>
public sealed record FrameioApis(IFrameioClient Client, IFrameioAssumedCalls Assumed);

/// <summary>
/// One client pair per token, kept for the life of the host so its rate-limit pacing (learnt from the
/// x-ratelimit headers) is shared by every job of that connection.
/// </summary>
public sealed class FrameioClients(IOptions<FrameConnectorOptions> options, ILoggerFactory logs, TimeProvider? time = null) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentDictionary<string, FrameioApis> _byToken = new();

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
