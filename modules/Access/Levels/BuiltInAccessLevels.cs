using Greenlight.Modules.Access.Contracts;
using static Greenlight.Modules.Access.Levels.AccessArea;

namespace Greenlight.Modules.Access.Levels;

/// <summary>
/// The five built-in levels, transcribed from the access-level overview (seed 004), one table per
/// level as the seed gives them: each area's maximum for the license and the setting the level ships at.
/// Under Edit a level ships with every toggle on; under View, with sharing on unless the seed says it cannot share.
/// </summary>
public static class BuiltInAccessLevels
{
    private sealed record Cell(AreaSetting Maximum, AreaSetting Shipped, bool SharesAtView = true)
    {
        public Cell ShippedAt(AreaSetting shipped) => this with { Shipped = shipped };
        public Cell WithoutSharing() => this with { SharesAtView = false };
    }

    private static readonly Cell E = new(AreaSetting.Edit, AreaSetting.Edit);
    private static readonly Cell V = new(AreaSetting.View, AreaSetting.View);
    private static readonly Cell N = new(AreaSetting.NoAccess, AreaSetting.NoAccess);

    private static readonly Dictionary<AccessArea, Cell> SystemAdministratorTable = AccessAreas.All.ToDictionary(a => a, _ => E);

    private static readonly Dictionary<AccessArea, Cell> StandardTable = new()
    {
        [Projects] = E, [Tasks] = E, [Issues] = E, [Portfolios] = E, [Programs] = E,
        [Reports] = E, [Filters] = E, [Documents] = E, [AccessArea.Users] = E,
        // The seed's Standard table has no Teams row; Adobe's public documentation gives Standard Edit on teams.
        [AccessArea.Teams] = E,
        [Templates] = E, [FinancialData] = E, [ResourceManagement] = E,
        [ScenarioPlanner] = E.ShippedAt(AreaSetting.NoAccess),
        [Boards] = E, [Home] = E, [Goals] = E,
    };

    private static readonly Dictionary<AccessArea, Cell> LightTable = new()
    {
        [Projects] = V, [Tasks] = V, [Issues] = E,
        [Portfolios] = V.ShippedAt(AreaSetting.NoAccess),
        [Programs] = V.ShippedAt(AreaSetting.NoAccess),
        [Reports] = V, [Filters] = E, [Documents] = E, [AccessArea.Users] = V, [AccessArea.Teams] = V,
        [Templates] = N,
        // The seed's table ticks the View column for financial data (second cell), not No Access.
        [FinancialData] = V,
        [ResourceManagement] = V,
        [ScenarioPlanner] = E.ShippedAt(AreaSetting.NoAccess),
        [Boards] = E, [Home] = E, [Goals] = E,
    };

    private static readonly Dictionary<AccessArea, Cell> ContributorTable = new()
    {
        [Projects] = V, [Tasks] = V, [Issues] = E,
        // Since release 24.7 contributors ship with View on portfolios and programs. Contributors set
        // up before 24.7 kept No Access there: that is a lower setting of the same level, not another
        // rule, so such an installation lowers these two areas (see ContributorAsShippedBefore24_7).
        [Portfolios] = V, [Programs] = V,
        // The seed limits contributors to the Details tab of reports, simple cards on boards and
        // My Updates on the home page; those are screen-level limits the area settings do not model.
        [Reports] = V, [Filters] = E, [Documents] = E, [AccessArea.Users] = V, [AccessArea.Teams] = V,
        [Templates] = N, [FinancialData] = N, [ResourceManagement] = N, [ScenarioPlanner] = N,
        [Boards] = E, [Home] = V, [Goals] = E,
    };

    private static readonly Dictionary<AccessArea, Cell> ExternalTable = AccessAreas.All.ToDictionary(a => a, a => a switch
    {
        // Calendar reports only; an external user may share neither reports nor documents, and
        // shares nothing else either, so no view toggle of this level allows sharing.
        Reports or Documents or AccessArea.Users => V.WithoutSharing(),
        _ => N,
    });

    public static AccessLevel SystemAdministrator { get; } = Build("system-administrator", "System Administrator", License.Standard, BuiltInLevel.SystemAdministrator, SystemAdministratorTable);
    public static AccessLevel Standard { get; } = Build("standard", "Standard", License.Standard, BuiltInLevel.Standard, StandardTable);
    public static AccessLevel Light { get; } = Build("light", "Light", License.Light, BuiltInLevel.Light, LightTable);
    public static AccessLevel Contributor { get; } = Build("contributor", "Contributor", License.Contributor, BuiltInLevel.Contributor, ContributorTable);
    public static AccessLevel External { get; } = Build("external", "External", License.External, BuiltInLevel.External, ExternalTable);

    public static IReadOnlyList<AccessLevel> All { get; } = [SystemAdministrator, Standard, Light, Contributor, External];

    /// <summary>The Contributor level as installations set up before release 24.7 have it: no access to portfolios and programs.</summary>
    public static AccessLevel ContributorAsShippedBefore24_7 { get; } = Contributor
        .WithArea(Portfolios, AreaAccess.NoAccess)
        .WithArea(Programs, AreaAccess.NoAccess);

    public static AccessLevel Get(BuiltInLevel kind) => All.Single(level => level.BuiltIn == kind);

    /// <summary>The highest setting and toggles any level of this license may have, area by area.</summary>
    public static IReadOnlyDictionary<AccessArea, AreaAccess> LicenseMaximum(License license) => license switch
    {
        License.Standard => StandardMaximum,
        License.Light => LightMaximum,
        License.Contributor => ContributorMaximum,
        License.External => ExternalMaximum,
        _ => throw new ArgumentOutOfRangeException(nameof(license), license, null),
    };

    private static readonly IReadOnlyDictionary<AccessArea, AreaAccess> StandardMaximum = Maxima(StandardTable);
    private static readonly IReadOnlyDictionary<AccessArea, AreaAccess> LightMaximum = Maxima(LightTable);
    private static readonly IReadOnlyDictionary<AccessArea, AreaAccess> ContributorMaximum = Maxima(ContributorTable);
    private static readonly IReadOnlyDictionary<AccessArea, AreaAccess> ExternalMaximum = Maxima(ExternalTable);

    private static AccessLevel Build(string id, string name, License license, BuiltInLevel kind, Dictionary<AccessArea, Cell> table) =>
        new(id, name, license, kind, table.ToDictionary(row => row.Key, row => Access(row.Key, row.Value, row.Value.Shipped)));

    private static Dictionary<AccessArea, AreaAccess> Maxima(Dictionary<AccessArea, Cell> table) =>
        table.ToDictionary(row => row.Key, row => Access(row.Key, row.Value, row.Value.Maximum));

    private static AreaAccess Access(AccessArea area, Cell cell, AreaSetting setting) => setting switch
    {
        AreaSetting.Edit => AreaAccess.Edit(EveryEditRight(area)),
        AreaSetting.View => AreaAccess.View(cell.SharesAtView),
        _ => AreaAccess.NoAccess,
    };

    private static EditRights EveryEditRight(AccessArea area) =>
        EditRights.Create | EditRights.Delete | EditRights.Share | EditRights.ShareSystemWide
        | (area == Projects ? EditRights.Copy : EditRights.None);
}
