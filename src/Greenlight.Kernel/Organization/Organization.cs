using MediatR;
using Greenlight.Kernel.Storage;

namespace Greenlight.Kernel.Organization;

/// <summary>The one organization a store holds, and the System Administrator created with it.</summary>
public sealed record OrganizationInfo(string Id, string Name, string AdministratorUserId, DateTimeOffset CreatedAt);

/// <summary>Published once, when the first host starts on an empty store; the Access module creates the administrator's user from it.</summary>
[Alias("greenlight.organization-created")]
public sealed record OrganizationCreated(string OrganizationId, string Name, string AdministratorUserId) : INotification;

public interface IOrganization
{
    /// <summary>The organization; null only before the first start has finished bootstrapping.</summary>
    ValueTask<OrganizationInfo?> GetAsync(CancellationToken cancellationToken = default);
}

public sealed class StoredOrganization(IStore store) : IOrganization
{
    // Written once and never changed, so the first successful read is cached for the life of the host.
    private OrganizationInfo? _cached;

    public async ValueTask<OrganizationInfo?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is not null) return _cached;
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, name, administrator_user_id, created_at FROM organization");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return _cached = new OrganizationInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }
}
