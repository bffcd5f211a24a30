using Greenlight.Modules.Access.Levels;

namespace Greenlight.Access.Tests;

/// <summary>
/// The seed's access-level tables (004, French overview), typed in again row by row, apart from the
/// production table, so a slip in one shows up against the other. "E/N" reads "Edit at most, ships
/// at No Access" ("(Le paramètre par défaut est No Access.)").
/// </summary>
internal static class SeedTables
{
    public sealed record Row(AreaSetting Maximum, AreaSetting Shipped);

    // Rows in the seed's order: Projets, Tâches, Problèmes, Portefeuilles, Programmes, Rapports,
    // Filtres, Documents, Utilisateurs, Équipes, Modèles, Données financières, Gestion des
    // ressources, Planificateur de scénarios, Panneaux, Page d'accueil, Objectifs.
    private static readonly (AccessArea Area, string Standard, string Light, string Contributor, string External)[] Rows =
    [
        (AccessArea.Projects,           "E",   "V",   "V", "N"),
        (AccessArea.Tasks,              "E",   "V",   "V", "N"),
        (AccessArea.Issues,             "E",   "E",   "E", "N"),
        (AccessArea.Portfolios,         "E",   "V/N", "V", "N"),
        (AccessArea.Programs,           "E",   "V/N", "V", "N"),
        (AccessArea.Reports,            "E",   "V",   "V", "V"),
        (AccessArea.Filters,            "E",   "E",   "E", "N"),
        (AccessArea.Documents,          "E",   "E",   "E", "V"),
        (AccessArea.Users,              "E",   "V",   "V", "V"),
        (AccessArea.Teams,              "E",   "V",   "V", "N"), // Standard: not in the seed; public docs say Edit
        (AccessArea.Templates,          "E",   "N",   "N", "N"),
        (AccessArea.FinancialData,      "E",   "V",   "N", "N"),
        (AccessArea.ResourceManagement, "E",   "V",   "N", "N"),
        (AccessArea.ScenarioPlanner,    "E/N", "E/N", "N", "N"),
        (AccessArea.Boards,             "E",   "E",   "E", "N"),
        (AccessArea.Home,               "E",   "E",   "V", "N"),
        (AccessArea.Goals,              "E",   "E",   "E", "N"),
    ];

    public static IReadOnlyDictionary<AccessArea, Row> For(BuiltInLevel level) => Rows.ToDictionary(r => r.Area, r => Parse(level switch
    {
        BuiltInLevel.SystemAdministrator => "E",
        BuiltInLevel.Standard => r.Standard,
        BuiltInLevel.Light => r.Light,
        BuiltInLevel.Contributor => r.Contributor,
        BuiltInLevel.External => r.External,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    }));

    private static Row Parse(string cell)
    {
        var parts = cell.Split('/');
        return new Row(Setting(parts[0]), Setting(parts[^1]));
    }

    private static AreaSetting Setting(string letter) => letter switch
    {
        "E" => AreaSetting.Edit,
        "V" => AreaSetting.View,
        "N" => AreaSetting.NoAccess,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, null),
    };
}
