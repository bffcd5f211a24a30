namespace Greenlight.Modules.Review.Approvals;

/// <summary>Starts an approval, from the HTTP API or from Frame.io: the project and documents must exist; teams are expanded now.</summary>
internal sealed class ApprovalStarter(IMediator sender, IGrainFactory grains, IStore store)
{
    public async Task<ApprovalView> StartAsync(
        string projectId, IReadOnlyList<string> documentIds, string? message, IReadOnlyList<PathSpec> paths, Act by, CancellationToken ct)
    {
        var project = await sender.Send(new GetProjectSummary(projectId), ct) ?? throw new NotFoundException($"Project '{projectId}'");
        var versions = await CurrentVersionsAsync(sender, projectId, documentIds, ct);
        var inFrameio = await FrameioDocuments.AnyAsync(store, documentIds);
        if (inFrameio && await sender.Send(new GetUserProfile(by.UserId), ct) is not ({ License: License.Standard } or { IsSystemAdministrator: true }))
            throw new ForbiddenException("An approval of assets stored in Frame.io needs a Standard license.");
        var teams = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var team in paths.SelectMany(p => p.Stages).SelectMany(s => s.Participants).Where(p => p.Kind == ParticipantKind.Team).Select(p => p.Id).Distinct())
            teams[team] = await sender.Send(new GetTeamMembers(team), ct);
        EnsureOnePathPerPerson(paths, teams);
        return await grains.GetGrain<IApprovalGrain>(Guid.CreateVersion7().ToString("N"))
            .CreateAsync(new NewApproval(projectId, project.GroupId, versions, inFrameio, message, paths, teams, by));
    }

    /// <summary>The latest version of each document, in order (404 for one that does not exist).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CurrentVersionsAsync(
        IMediator sender, string projectId, IEnumerable<string> documentIds, CancellationToken ct)
    {
        var versions = new Dictionary<string, int>();
        foreach (var id in documentIds)
        {
            var document = await sender.Send(new GetDocumentSummary(projectId, id), ct) ?? throw new NotFoundException($"Document '{id}'");
            versions[id] = document.Versions.Max(v => v.Number);
        }
        return versions;
    }

    /// <summary>
    /// A person sits on at most one open stage per asset, so on one path only: directly or through any of their teams
    /// (a path's stages open one after another, so the same person on two stages of one path is allowed).
    /// </summary>
    private static void EnsureOnePathPerPerson(IReadOnlyList<PathSpec> paths, IReadOnlyDictionary<string, IReadOnlyList<string>> teams)
    {
        var twice = paths
            .SelectMany(p => p.Stages.SelectMany(s => s.Participants).SelectMany(x => x.Kind == ParticipantKind.Team ? teams[x.Id] : [x.Id]).Distinct())
            .GroupBy(user => user).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw RequestValidationException.ForField("paths",
                $"User '{twice.Key}' sits on more than one path (directly or through a team); a person sits on one path only, so never on two open stages of the same asset.");
    }
}

internal static class ReviewRefs
{
    public static SecuredRef Project(string projectId) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, projectId));

    public static SecuredRef Document(string projectId, string documentId) =>
        new(new ObjectRef(ObjectType.Document, documentId), new ObjectRef(ObjectType.Project, projectId));

    public static string UserId(this ICurrentPrincipal current) => current.Principal?.UserId ?? throw new NotAuthenticatedException();
}

/// <summary>The documents whose asset lives in Frame.io (sent from there): no "Approved with changes", a Standard license to start.</summary>
internal static class FrameioDocuments
{
    public static async Task<bool> AnyAsync(IStore store, IEnumerable<string> documentIds)
    {
        await using var connection = await store.OpenConnectionAsync();
        foreach (var document in documentIds)
        {
            if (await connection.ScalarAsync<string>("SELECT document_id FROM review_frameio_documents WHERE document_id = @d", ("d", document)) is not null)
                return true;
        }
        return false;
    }

    public static Task MarkAsync(IStoreTransaction tx, string projectId, string documentId) => tx.ExecuteAsync(
        "INSERT INTO review_frameio_documents (document_id, project_id) VALUES (@d, @p) ON CONFLICT DO NOTHING", ("d", documentId), ("p", projectId));
}
