namespace Greenlight.Access.Tests.Support;

/// <summary>
/// Everything the Access module keeps, as the System Administrator reads it: the directory (users, groups, teams,
/// levels, preferences) and how many changes the audit holds by the actors given (every write of the module's grains
/// records one, shares and inheritance included). Two equal fingerprints: nothing changed in between.
/// </summary>
public static class Fingerprint
{
    public static async Task<string> OfAsync(TestHost host, params string[] actorIds)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "/api/v1/access/users", "/api/v1/access/groups", "/api/v1/access/teams", "/api/v1/access/levels", "/api/v1/access/preferences" })
            parts.Add((await host.Admin.GetJsonAsync(path)).GetRawText());
        foreach (var actor in actorIds)
            parts.Add($"{actor}: {(await host.Admin.GetJsonAsync($"/api/v1/access/audit?actorId={actor}")).GetArrayLength()} changes");
        return string.Join("\n", parts);
    }
}
