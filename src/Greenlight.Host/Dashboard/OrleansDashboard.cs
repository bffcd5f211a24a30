using Greenlight.Host.Http;
using Greenlight.Kernel.Security;
using Orleans.Dashboard;

namespace Greenlight.Host.Dashboard;

/// <summary>Opening the Orleans dashboard: a System Administrator's right, decided by the host's access policy.</summary>
public sealed record OpenOrleansDashboard : IAdministrativeRequest;

public static class OrleansDashboard
{
    public const string Path = "/admin/dashboard";

    /// <summary>Serves the dashboard at <see cref="Path"/> when the silo runs it; everyone else gets 401 or 403.</summary>
    public static void MapGreenlightDashboard(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Cluster:Dashboard", true)) return;
        app.MapOrleansDashboard(Path).RequireSystemAdministrator(new OpenOrleansDashboard());
    }
}
