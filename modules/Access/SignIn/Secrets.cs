using System.Security.Cryptography;
using System.Text;

namespace Greenlight.Modules.Access.SignIn;

/// <summary>Link and session secrets: 256 random bits, so a fast hash is as safe to store as a slow one.</summary>
internal static class Secrets
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
