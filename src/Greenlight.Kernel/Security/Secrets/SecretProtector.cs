using Microsoft.AspNetCore.DataProtection;

namespace Greenlight.Kernel.Security.Secrets;

/// <summary>
/// Encrypts secrets kept in the store (Frame.io tokens, webhook secrets, connection tokens) with
/// ASP.NET Core Data Protection. Every host sharing the store shares the key ring, so a secret
/// protected on one host is readable on the others.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);

    /// <summary>What the API may show of a secret: its last four characters.</summary>
    static string LastFour(string secret) => secret.Length <= 4 ? new string('•', secret.Length) : "…" + secret[^4..];
}

public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Greenlight.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
