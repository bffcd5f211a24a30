namespace Greenlight.Modules.Review.Approvals;

/// <summary>
/// Starts an approval, from the HTTP API or from Frame.io. <see cref="PrepareAsync"/> checks everything first and changes
/// nothing: the project and documents exist, teams are expanded now, a person sits on one path, every participant may
/// open every document, and no document is under another open approval. The caller's own rights are checked before it.
/// </summary>
internal sealed class ApprovalStarter(IMediator sender, IGrainFactory grains, IStore store)
{
    /// <param name="participantField">The field path of the participant at (path, stage, index), as the caller sent it.</param>
    public async Task<NewApproval> PrepareAsync(
        string projectId, IReadOnlyList<string> documentIds, string? message, IReadOnlyList<PathSpec> paths, Act by, bool sentFromFrameio,
        Func<int, int, int, string> participantField, CancellationToken ct)
    {
        var project = await sender.Send(new GetProjectSummary(projectId), ct) ?? throw new NotFoundException($"Project '{projectId}'");
        documentIds = [.. documentIds.Distinct()];
        var documents = await CurrentDocumentsAsync(sender, projectId, documentIds, ct);
        var teams = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var team in paths.SelectMany(p => p.Stages).SelectMany(s => s.Participants).Where(p => p.Kind == ParticipantKind.Team).Select(p => p.Id).Distinct())
            teams[team] = await sender.Send(new GetTeamMembers(team), ct);
        EnsureOnePathPerPerson(paths, teams);
        await new ParticipantRights(sender, projectId, documentIds, ct).EnsureAsync(paths, teams, participantField);
        if (await ReviewRows.OpenApprovalOfAsync(store, documentIds) is { } open)
            throw new ConflictException($"A document is already under open approval '{open}'; a new one can start when it is decided.");
        return new NewApproval(projectId, project.GroupId, documents.ToDictionary(d => d.Id, d => d.Versions.Max(v => v.Number)),
            sentFromFrameio || await FrameioDocuments.AnyAsync(store, documentIds), message, paths, teams, by,
            project.Name, documents.ToDictionary(d => d.Id, d => d.Name));
    }

    public Task<ApprovalView> StartAsync(NewApproval approval) =>
        grains.GetGrain<IApprovalGrain>(Guid.CreateVersion7().ToString("N")).CreateAsync(approval);

    /// <summary>Each document as it is now, in order (404 for one that does not exist in the project).</summary>
    public static async Task<IReadOnlyList<DocumentView>> CurrentDocumentsAsync(
        IMediator sender, string projectId, IEnumerable<string> documentIds, CancellationToken ct)
    {
        var documents = new List<DocumentView>();
        foreach (var id in documentIds)
            documents.Add(await sender.Send(new GetDocumentSummary(projectId, id), ct) ?? throw new NotFoundException($"Document '{id}'"));
        return documents;
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

/// <summary>
/// Every participant must be able to open every document of the approval: a user who may not would be emailed and
/// listed in My approvals, yet get 404 opening it and never decide, so the approval could never complete. Greenlight
/// refuses such a participant (400 naming them) rather than sharing the documents behind the starter's back. A team
/// acts through any member, so every active member of it must be able to view; a team without one is refused too.
/// </summary>
internal sealed class ParticipantRights(IMediator sender, string projectId, IReadOnlyList<string> documentIds, CancellationToken ct)
{
    private readonly Dictionary<string, string?> _problems = [];

    public async Task EnsureAsync(IReadOnlyList<PathSpec> paths, IReadOnlyDictionary<string, IReadOnlyList<string>> teams, Func<int, int, int, string> field)
    {
        var errors = new Dictionary<string, string[]>();
        for (var p = 0; p < paths.Count; p++)
        for (var s = 0; s < paths[p].Stages.Count; s++)
        for (var i = 0; i < paths[p].Stages[s].Participants.Count; i++)
        {
            var participant = paths[p].Stages[s].Participants[i];
            if (await ProblemAsync(participant, teams) is { } problem) errors[field(p, s, i)] = [problem];
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);
    }

    private async Task<string?> ProblemAsync(ParticipantSpec participant, IReadOnlyDictionary<string, IReadOnlyList<string>> teams)
    {
        if (participant.Kind == ParticipantKind.User) return await UserProblemAsync(participant.Id);
        var active = new List<string>();
        foreach (var member in teams[participant.Id])
        {
            if (await sender.Send(new GetUserProfile(member), ct) is { Active: true }) active.Add(member);
        }
        if (active.Count == 0) return $"Team '{participant.Id}' has no active member, so nobody could act for it.";
        foreach (var member in active)
        {
            if (await UserProblemAsync(member) is { } problem)
                return $"Every active member of team '{participant.Id}' must be able to open what the team reviews: {problem}";
        }
        return null;
    }

    /// <summary>Why the user could not act on the approval, or null; asked once per user.</summary>
    private async Task<string?> UserProblemAsync(string userId)
    {
        if (_problems.TryGetValue(userId, out var known)) return known;
        string? problem = null;
        if (await sender.Send(new GetUserProfile(userId), ct) is not { Active: true })
            problem = $"There is no active user '{userId}'.";
        else
        {
            foreach (var document in documentIds)
            {
                var check = AccessCheck.On(ReviewRefs.Document(projectId, document), AccessAction.View);
                if ((await sender.Send(new CheckAccess(userId, check), ct)).Allowed) continue;
                problem = $"User '{userId}' may not view document '{document}'; share View with them first, or name someone who may.";
                break;
            }
        }
        return _problems[userId] = problem;
    }
}

internal static class ReviewRefs
{
    public static SecuredRef Project(string projectId) => SecuredRef.ContainerItself(new ObjectRef(ObjectType.Project, projectId));

    public static SecuredRef Document(string projectId, string documentId) =>
        new(new ObjectRef(ObjectType.Document, documentId), new ObjectRef(ObjectType.Project, projectId));

    public static string UserId(this ICurrentPrincipal current) => current.Principal?.UserId ?? throw new NotAuthenticatedException();

    /// <summary>Whether the user may act on the object: denied as not found when they may not even see it.</summary>
    public static async ValueTask<AccessDecision> DecideAsync(this IMediator sender, string userId, SecuredRef target, AccessAction action, string denied, CancellationToken ct)
    {
        var answer = await sender.Send(new CheckAccess(userId, AccessCheck.On(target, action)), ct);
        return answer.Allowed ? AccessDecision.Allow(answer.Reason)
            : answer.Held == Permission.None ? AccessDecision.DenyAsNotFound($"No rights on {target}.")
            : AccessDecision.Deny(denied);
    }

    /// <summary>Throws what the host answers for a denied decision (403, or 404 when the object is hidden from the user).</summary>
    public static void Enforce(this AccessDecision decision)
    {
        if (decision.Allowed) return;
        if (decision.HideExistence) throw new NotFoundException("The object");
        throw new ForbiddenException(decision.Reason);
    }
}

/// <summary>Starting approvals (of assets stored in Frame.io) and the templates of the setup area need a Standard license.</summary>
internal static class ReviewLicenses
{
    public static async Task<bool> StartsApprovalsAsync(this IMediator sender, string userId, CancellationToken ct) =>
        await sender.Send(new GetUserProfile(userId), ct) is { Active: true } and ({ License: License.Standard } or { IsSystemAdministrator: true });
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
