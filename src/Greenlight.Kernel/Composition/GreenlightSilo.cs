using System.Net;
using System.Reflection;
using System.Text.Json.Serialization;
using Greenlight.Kernel.Grains;
using Greenlight.Kernel.Grains.Snapshots;
using Greenlight.Kernel.Storage;
using Greenlight.Kernel.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;

namespace Greenlight.Kernel.Composition;

/// <summary>The Orleans silo every host runs: clustering, grain state and reminders in the host's store.</summary>
internal static class GreenlightSilo
{
    public static void Configure(ISiloBuilder silo, IConfiguration configuration, IStore store, IReadOnlyList<Assembly> assemblies)
    {
        var cluster = configuration.GetSection(GreenlightClusterOptions.Section).Get<GreenlightClusterOptions>() ?? new();
        var grains = configuration.GetSection(GrainOptions.Section).Get<GrainOptions>() ?? new();
        silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));

        if (store.Dialect == SqlDialect.PostgreSql)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, gatewayPort: 0);
            silo.UseAdoNetClustering(o => (o.Invariant, o.DataSource) = (PostgreSqlInvariant, store.DataSource));
        }
        else
        {
            // The embedded store has one host: a cluster of one.
            silo.UseLocalhostClustering(cluster.SiloPort, gatewayPort: 0, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }
        var invariant = store.Dialect == SqlDialect.PostgreSql ? PostgreSqlInvariant : SqliteInvariant;
        silo.AddAdoNetGrainStorageAsDefault(o => (o.Invariant, o.DataSource) = (invariant, store.DataSource));
        silo.UseAdoNetReminderService(o => (o.Invariant, o.DataSource) = (invariant, store.DataSource));

        // State is stored as JSON (property names, enums by name): no .NET type names in the rows, so classes can be renamed.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        silo.Configure<ClusterMembershipOptions>(FastFailover);
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{GreenlightClusterOptions.Section}:Membership"));
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = grains.IdleTimeout);
        silo.Configure<ReminderOptions>(o =>
            o.MinimumReminderPeriod = grains.RedeliveryPeriod < o.MinimumReminderPeriod ? grains.RedeliveryPeriod : o.MinimumReminderPeriod);

        silo.AddPlacementDirector<SiloKeyedPlacement, SiloKeyedPlacementDirector>();
        silo.Services.AddSerializer(serializer =>
        {
            foreach (var assembly in assemblies) serializer.AddAssembly(assembly);
        });
        if (cluster.Dashboard) silo.AddDashboard();
        // Grain calls carry the caller's trace context and get spans of their own only when something listens.
        if (TelemetryOptions.From(configuration).IsOn) silo.AddActivityPropagation();
    }

    /// <summary>
    /// A silo killed outright (its port closes) is declared dead after two missed probes of at most
    /// a second each, so its grains answer again on a survivor within about two seconds; a hung one
    /// (port open, no answers) within about three. The defaults (5 s probes, 3 misses, 2 votes) take
    /// 6 to 13 s after a kill and about a minute for a hung process.
    /// </summary>
    private static void FastFailover(ClusterMembershipOptions o)
    {
        // How long a probe waits before it counts as missed; the failure detector adapts it between Min and Max.
        o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
        o.MinProbeTimeout = TimeSpan.FromMilliseconds(250);
        o.MaxProbeTimeout = TimeSpan.FromSeconds(1);
        // Missed probes in a row before a silo votes the other suspect.
        o.NumMissedProbesLimit = 2;
        // One vote declares death (Orleans asks for at most half the live silos anyway): with two hosts, one survivor must be able to.
        o.NumVotesForDeathDeclaration = 1;
        // Hosts also re-read the membership table this often, in case gossip about a death was missed.
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        // How often a silo writes "I am alive"; a silo that stops writing is suspected after NumMissedTableIAmAliveLimit periods.
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }

    private const string PostgreSqlInvariant = "Npgsql";

    // Orleans's name for SQLite (AdoNetInvariants.InvariantNameSqlLite, internal): it loads Microsoft.Data.Sqlite.
    private const string SqliteInvariant = "System.Data.SQLite";
}
