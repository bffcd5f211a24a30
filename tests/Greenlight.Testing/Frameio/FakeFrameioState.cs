namespace Greenlight.Testing.Frameio;

// The fake's in-memory world. Mutable classes behind one lock (FakeFrameioState.Lock): test code,
// kept simple; what leaves the fake is always a fresh JSON object built from them.

internal sealed class FakeUser(string id, string email, string? token, bool legacyToken)
{
    public string Id { get; } = id;
    public string Email { get; } = email;
    public string? Token { get; } = token;
    public bool LegacyToken { get; } = legacyToken;
    public object ToJson() => new { id = Id, email = Email, name = Email.Split('@')[0] };

    /// <summary>As an account lists its users: with their account role (the token users who seeded it administer it).</summary>
    public object ToJson(FakeAccount account) => new { id = Id, email = Email, name = Email.Split('@')[0], role = Token is null ? "member" : "admin", account_id = account.Id };
}

internal sealed class FakeAccount(string id, string displayName)
{
    public string Id { get; } = id;
    public string DisplayName { get; } = displayName;
    public HashSet<string> MemberIds { get; } = [];
    public object ToJson() => new { id = Id, display_name = DisplayName };
}

internal sealed record FakeWorkspace(string Id, string AccountId, string Name)
{
    public object ToJson() => new { id = Id, name = Name, account_id = AccountId };
}

internal sealed class FakeProject(string id, string accountId, string workspaceId, string rootFolderId, string name)
{
    public string Id { get; } = id;
    public string AccountId { get; } = accountId;
    public string WorkspaceId { get; } = workspaceId;
    public string RootFolderId { get; } = rootFolderId;
    public string Name { get; set; } = name;
    public Dictionary<string, string> UserRoles { get; } = [];
    public object ToJson() => new { id = Id, name = Name, workspace_id = WorkspaceId, root_folder_id = RootFolderId };
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

internal sealed record FakeComment(string Id, string AccountId, string FileId, string OwnerId, string Text, int? Timestamp, bool Private)
{
    public object ToJson() => new { id = Id, text = Text, asset_id = FileId, owner_id = OwnerId, timestamp = Timestamp, @private = Private };
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

    public FakeUser UserByEmail(string email)
    {
        var user = Users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        if (user is not null) return user;
        user = new FakeUser(NewId("user"), email, null, false);
        Users[user.Id] = user;
        return user;
    }

    public FakeProject AddProject(string accountId, string workspaceId, string name)
    {
        var project = new FakeProject(NewId("project"), accountId, workspaceId, NewId("folder"), name);
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
}
