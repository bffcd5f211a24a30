using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Greenlight.Kernel.Organization;

/// <summary>
/// On the first start with an empty store: creates the organization, its System Administrator and
/// an API token for them. Several hosts may start at once; the organization's fixed id makes exactly
/// one of them win.
/// </summary>
public sealed class OrganizationBootstrapper(
    IStore store, IOutbox outbox, ApiTokens tokens, IConfiguration configuration, TimeProvider clock, ILogger<OrganizationBootstrapper> logger)
{
    public const string TokenVariable = "GREENLIGHT_BOOTSTRAP_TOKEN";
    private const string OrganizationId = "organization";

    /// <summary>Refuses a bootstrap token too short to be a secret, before the host creates anything.</summary>
    public static void CheckSettings(IConfiguration configuration)
    {
        if (configuration[TokenVariable] is { Length: < ApiTokens.MinimumLength })
            throw new Composition.InvalidSettingsException($"{TokenVariable} must be at least {ApiTokens.MinimumLength} characters long.");
    }

    public async Task BootstrapAsync(CancellationToken cancellationToken)
    {
        var presetToken = configuration[TokenVariable];
        var name = configuration["Organization:Name"] is { Length: > 0 } configured ? configured : "Greenlight";
        var administratorId = Guid.NewGuid().ToString("N");

        var token = await store.InTransactionAsync(async tx =>
        {
            var created = await tx.ExecuteAsync("""
                INSERT INTO organization (id, name, administrator_user_id, created_at) VALUES (@id, @name, @admin, @at)
                ON CONFLICT DO NOTHING
                """, ("id", OrganizationId), ("name", name), ("admin", administratorId), ("at", clock.GetUtcNow().ToUnixTimeMilliseconds()));
            if (created == 0) return null;
            await outbox.EnqueueAsync(tx, new OrganizationCreated(OrganizationId, name, administratorId));
            return await tokens.CreateAsync(tx, administratorId, "bootstrap", presetToken);
        }, cancellationToken);

        if (token is null) return;
        logger.LogInformation("Created organization {Name} with System Administrator {UserId}", name, administratorId);
        // Written to the console, never to the log: this is the only time the secret is shown.
        Console.Out.WriteLine(presetToken is null
            ? $"Greenlight: System Administrator API token (shown once, keep it): {token.Token}"
            : $"Greenlight: System Administrator API token taken from {TokenVariable}.");
    }
}
