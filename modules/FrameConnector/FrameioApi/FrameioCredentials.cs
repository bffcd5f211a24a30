namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>
/// The token of one Frame.io account connection. Each connection has its own, so it travels with
/// the client instance rather than living in shared configuration. A class, not a record, so that
/// no generated ToString, log line or exception message can ever print the token.
/// </summary>
public sealed class FrameioCredentials
{
    public FrameioCredentials(string token, bool isLegacyDeveloperToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        IsLegacyDeveloperToken = isLegacyDeveloperToken;
    }

    internal string Token { get; }

    /// <summary>A V2-era developer token: V4 accepts it only for migrated accounts and only with <c>x-frameio-legacy-token-auth: true</c>.</summary>
    public bool IsLegacyDeveloperToken { get; }

    public override string ToString() => IsLegacyDeveloperToken ? "Frame.io legacy developer token (hidden)" : "Frame.io token (hidden)";
}
