namespace Greenlight.Modules.Access.Levels.Api;

/// <summary>
/// The words the access-level overview (seed 004) uses for each area and setting, so the console's level pages read like the
/// product's documentation. The seed has no Teams row; its name is the area's.
/// </summary>
public static class AccessLevelLabels
{
    public static string Of(AccessArea area) => area switch
    {
        AccessArea.Reports => "Reports (including dashboards and calendar reports)",
        AccessArea.Filters => "Filters, views and groupings",
        AccessArea.FinancialData => "Financial data",
        AccessArea.ResourceManagement => "Resource management",
        AccessArea.ScenarioPlanner => "Scenario planner",
        AccessArea.Home => "Home page",
        _ => area.ToString(),
    };

    public static string Of(AreaSetting setting) => setting switch
    {
        AreaSetting.Edit => "Edit",
        AreaSetting.View => "View",
        _ => "No Access",
    };

    /// <summary>What the setting lets a user do, as the seed explains the three.</summary>
    public static string Meaning(AreaSetting setting) => setting switch
    {
        AreaSetting.Edit => "create, edit, delete and share",
        AreaSetting.View => "view and share",
        _ => "cannot access",
    };

    public static string Of(EditRights right) => right switch
    {
        EditRights.ShareSystemWide => "Share system-wide",
        _ => right.ToString(),
    };
}
