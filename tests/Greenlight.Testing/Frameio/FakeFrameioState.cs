namespace Greenlight.Testing.Frameio;

// The fake's in-memory world. Mutable classes behind one lock (FakeFrameioState.Lock): test code,
// kept simple; what leaves the fake is always a fresh JSON object built from them.

internal sealed class FakeUser(string id, string email, string? token, bool legacyToken)
{
    public string Id { get; } = id;
    public string Email { get; } = email;
    public string? Token { get; set; } = token;
    public bool LegacyToken { get; } = legacyToken;

    /// <summary>As <c>/me</c> answers (Profile).</summary>
    public object ToProfileJson() => new { id = Id, email = Email, name = Name, avatar_url = (string?)null };

    /// <summary>As Frame.io embeds a user (User): an account's user list, a comment's owner.</summary>
    public object ToUserJson() => new { id = Id, email = Email, name = Name, avatar_url = (string?)null, active = true };

    private string Name => Email.Split('@')[0];
}

/// <summary>Someone invited to the account by e-mail (an assumed call) who has not accepted yet: no Frame.io user id.</summary>
internal sealed class FakeInvite(string email)
{
    public string Email { get; } = email;

    /// <summary>The projects (id → role) they join once they accept.</summary>
    public Dictionary<string, string> ProjectRoles { get; } = [];

    public object ToJson() => new { role = "member", user = new { id = (string?)null, email = Email, name = (string?)null, avatar_url = (string?)null, active = false } };
}

internal sealed class FakeAccount(string id, string displayName)
{
    public string Id { get; } = id;
    public string DisplayName { get; } = displayName;

    /// <summary>The account's users (id → account role: <c>admin</c> or <c>member</c>).</summary>
    public Dictionary<string, string> Roles { get; } = [];

    /// <summary>Pending invites by e-mail.</summary>
    public Dictionary<string, FakeInvite> Invites { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsAdmin(string userId) => Roles.GetValueOrDefault(userId) is "admin" or "owner";

    public object ToJson(string callerId) => new { id = Id, display_name = DisplayName, roles = new[] { Roles[callerId] } };
}

internal sealed record FakeWorkspace(string Id, string AccountId, string Name)
{
    public object ToJson() => new { id = Id, name = Name, account_id = AccountId };
}

internal sealed class FakeProject(string id, string accountId, string workspaceId, string rootFolderId, string name, string creatorId)
{
    public string Id { get; } = id;
    public string AccountId { get; } = accountId;
    public string WorkspaceId { get; } = workspaceId;
    public string RootFolderId { get; } = rootFolderId;
    public string CreatorId { get; } = creatorId;
    public string Name { get; set; } = name;

    /// <summary>Users added to the project (id → project role); its creator has full access without being listed.</summary>
    public Dictionary<string, string> UserRoles { get; } = [];

    public object ToJson() => new { id = Id, name = Name, workspace_id = WorkspaceId, root_folder_id = RootFolderId, status = "active" };
}

/// <summary>A folder, file or version stack: Frame.io lists them together as a folder's children.</summary>
internal sealed class FakeAsset(string id, string type, string accountId, string projectId, string? parentId, string name)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    public string AccountId { get; } = accountId;
    public string ProjectId { get; } = projectId;
    public string? ParentId { get; set; } = parentId;
    public string Name { get; set; } = name;
    public string? MediaType { get; init; }
    public long? FileSize { get; init; }
    public byte[]?[] Parts { get; init; } = [];
    public long[] PartSizes { get; init; } = [];

    public string? Status => Type != "file" ? null : Parts.All(p => p is not null) ? "uploaded" : "created";

    public object ToJson() => new
    {
        id = Id, name = Name, type = Type, parent_id = ParentId, project_id = ProjectId,
        media_type = MediaType, file_size = FileSize, status = Status,
    };
}

internal sealed record FakeComment(string Id, string AccountId, string FileId, FakeUser Owner, string Text, int? Timestamp, bool Private)
{
    /// <summary>As Frame.io's reference shows a comment (<c>file_id</c>), with its owner when asked for; <c>private</c> as our 2024 OpenAPI has it.</summary>
    public object ToJson(bool withOwner) =>
        new { id = Id, text = Text, file_id = FileId, timestamp = Timestamp, @private = Private, owner = withOwner ? Owner.ToUserJson() : null };
}

internal sealed record FakeWebhook(string Id, string AccountId, string WorkspaceId, string Name, string Url, IReadOnlyList<string> Events, string Secret)
{
    public object ToJson() => new { id = Id, name = Name, url = Url, events = Events, active = true, workspace_id = WorkspaceId };
}

internal sealed class FakeFrameioState
{
    private int _nextId;

    public Lock Lock { get; } = new();
    public Dictionary<string, FakeUser> Users { get; } = [];
    public Dictionary<string, FakeAccount> Accounts { get; } = [];
    public Dictionary<string, FakeWorkspace> Workspaces { get; } = [];
    public Dictionary<string, FakeProject> Projects { get; } = [];
    public Dictionary<string, FakeAsset> Assets { get; } = [];
    public Dictionary<string, FakeComment> Comments { get; } = [];
    public Dictionary<string, FakeWebhook> Webhooks { get; } = [];

    /// <summary>Readable, ordered ids ("project-7"): failures in tests are easier to follow than with GUIDs.</summary>
    public string NewId(string kind) => $"{kind}-{Interlocked.Increment(ref _nextId)}";

    public FakeUser? UserByToken(string token) => Users.Values.FirstOrDefault(u => u.Token == token);

    public FakeUser? FindUserByEmail(string email) => Users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Frame.io user with this e-mail, made if Frame.io has none yet (someone who signs up).</summary>
    public FakeUser UserByEmail(string email)
    {
        if (FindUserByEmail(email) is { } user) return user;
        user = new FakeUser(NewId("user"), email, null, false);
        Users[user.Id] = user;
        return user;
    }

    public FakeProject AddProject(string accountId, string workspaceId, string name, string creatorId)
    {
        var project = new FakeProject(NewId("project"), accountId, workspaceId, NewId("folder"), name, creatorId);
        Projects[project.Id] = project;
        Assets[project.RootFolderId] = new FakeAsset(project.RootFolderId, "folder", accountId, project.Id, null, "root");
        return project;
    }

    public FakeAsset AddAsset(string type, FakeAsset parent, string name, Func<string, FakeAsset>? create = null)
    {
        var id = NewId(type);
        var asset = create?.Invoke(id) ?? new FakeAsset(id, type, parent.AccountId, parent.ProjectId, parent.Id, name);
        Assets[id] = asset;
        return asset;
    }

    /// <summary>The caller's role in the project: account admins and the project's creator have full access.</summary>
    public string? ProjectRole(FakeProject project, string userId) =>
        Accounts[project.AccountId].IsAdmin(userId) || project.CreatorId == userId ? "full_access" : project.UserRoles.GetValueOrDefault(userId);
}
