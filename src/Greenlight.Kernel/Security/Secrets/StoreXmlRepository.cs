using System.Xml.Linq;
using Greenlight.Kernel.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Greenlight.Kernel.Security.Secrets;

/// <summary>The Data Protection key ring lives in the store (each key encrypted by the master key), so all hosts share it.</summary>
public sealed class StoreXmlRepository(IStore store) : IXmlRepository
{
    // Data Protection calls these synchronously and rarely (start-up, key rotation): blocking is acceptable here.
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        store.InTransactionAsync(tx => tx.ExecuteAsync(
                "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING",
                ("name", friendlyName), ("xml", element.ToString(SaveOptions.DisableFormatting))))
            .GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await store.OpenConnectionAsync();
        await using var command = connection.Command("SELECT xml FROM data_protection_keys ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadAsync()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }
}

internal sealed class DataProtectionKeysTable() : PortableMigration("kernel-0004-data-protection-keys", """
    CREATE TABLE IF NOT EXISTS data_protection_keys (
        name TEXT PRIMARY KEY,
        xml TEXT NOT NULL);
    """);
