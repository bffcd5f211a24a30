using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Greenlight.Kernel.Storage;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Kernel.Security.Secrets;

/// <summary>
/// The 256-bit key that encrypts the Data Protection key ring at rest: from <c>GREENLIGHT_MASTER_KEY</c>
/// (base64), else from the file <c>Security:MasterKeyPath</c> (default: <c>master.key</c> beside the SQLite
/// file, created on first start). Several hosts on one PostgreSQL must be given the same key.
/// </summary>
public sealed class MasterKey
{
    public const string Variable = "GREENLIGHT_MASTER_KEY";

    private MasterKey(byte[] key) => Key = key;

    internal byte[] Key { get; }

    /// <summary>The key file used when <see cref="Variable"/> is not set.</summary>
    public static string FilePath(IConfiguration configuration, StoreOptions store) =>
        Path.GetFullPath(configuration["Security:MasterKeyPath"] is { Length: > 0 } configuredPath
            ? configuredPath
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store.SqlitePath))!, "master.key"));

    public static MasterKey From(IConfiguration configuration, StoreOptions store)
    {
        if (configuration[Variable] is { Length: > 0 } configured)
        {
            var key = Convert.FromBase64String(configured);
            return key.Length == 32 ? new MasterKey(key) : throw new InvalidOperationException($"{Variable} must be 32 bytes, base64-encoded.");
        }
        var path = FilePath(configuration, store);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new MasterKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

/// <summary>AES-GCM under the master key: <c>&lt;encryptedKey&gt;nonce.tag.ciphertext&lt;/encryptedKey&gt;</c>.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(masterKey.Key, tag.Length)) aes.Encrypt(nonce, plaintext, ciphertext, tag);
        var element = new XElement("encryptedKey",
            string.Join('.', Convert.ToBase64String(nonce), Convert.ToBase64String(tag), Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Created by Data Protection from the type name stored with each key, hence the service-provider constructor.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var parts = encryptedElement.Value.Split('.');
        var (nonce, tag, ciphertext) = (Convert.FromBase64String(parts[0]), Convert.FromBase64String(parts[1]), Convert.FromBase64String(parts[2]));
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(services.GetRequiredService<MasterKey>().Key, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }
        catch (AuthenticationTagMismatchException error)
        {
            throw new CryptographicException(
                $"The master key cannot decrypt the key ring in the store: give this host the same {MasterKey.Variable} as the others.", error);
        }
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
