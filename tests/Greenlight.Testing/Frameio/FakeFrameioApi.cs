using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using R = Greenlight.Testing.Frameio.FakeFrameioRoutes;

namespace Greenlight.Testing.Frameio;

/// <summary>
/// The fake's routes, as Frame.io's V4 reference documents them: each checks the caller may see the account and holds the
/// project role the operation needs, takes only the documented body (a JSON <c>data</c> object with the documented fields:
/// an unknown field is a 422 naming it, another Content-Type a 400), and answers in <c>data</c> with the documented shape.
/// </summary>
internal static class FakeFrameioApi
{
    public const string RawBodyKey = "frameio.raw-body";
    public const string CallerKey = "frameio.caller";

    private static readonly string[] Roles = ["full_access", "editor", "edit_only", "commenter", "viewer"];

    /// <summary>The project roles that may add and change content (folders, uploads, version stacks).</summary>
    private static readonly string[] Editing = ["full_access", "editor", "edit_only"];

    /// <summary>The project roles that may comment.</summary>
    private static readonly string[] Commenting = ["full_access", "editor", "edit_only", "commenter"];

    private static readonly string[] Managing = ["full_access"];

    private static readonly FileExtensionContentTypeProvider MediaTypes = new();

    public static IResult Error(int status, string title, string detail, string? pointer = null) =>
        Results.Json(new { errors = new[] { new { detail, source = pointer is null ? null : new { pointer }, title } } }, statusCode: status);

    public static void Map(WebApplication app, FakeFrameioServer server)
    {
        var state = server.State;

        app.MapGet(R.Me, (HttpContext c) => Ok(Caller(c).ToProfileJson()));
        app.MapGet(R.Accounts, (HttpContext c) =>
        {
            lock (state.Lock) return Page(c, state.Accounts.Values.Where(a => a.Roles.ContainsKey(Caller(c).Id)).Select(a => a.ToJson(Caller(c).Id)));
        });
        // Active users, with their account role; people invited and not joined yet appear without a user id.
        app.MapGet(R.AccountUsers, (HttpContext c, string account_id) => InAccount(state, c, account_id, account =>
            Page(c, [.. account.Roles.Select(r => (object)new { role = r.Value, user = state.Users[r.Key].ToUserJson() }), .. account.Invites.Values.Select(i => i.ToJson())])));
        app.MapDelete(R.AccountUser, (HttpContext c, string account_id, string user_id) => InAccount(state, c, account_id, account =>
            !account.IsAdmin(Caller(c).Id) ? Forbidden("remove users from the account")
            : account.Roles.Remove(user_id) ? Results.NoContent()
            : NotFound("user", user_id)));

        app.MapGet(R.Workspaces, (HttpContext c, string account_id) => InAccount(state, c, account_id, account =>
            Page(c, state.Workspaces.Values.Where(w => w.AccountId == account.Id).Select(w => w.ToJson()))));
        app.MapPost(R.Workspaces, (HttpContext c, string account_id) => InAccount(state, c, account_id, account => AsAdmin(c, account, "create workspaces", () =>
            WithData(c, ["name"], data => WithString(data, "name", name =>
            {
                var workspace = new FakeWorkspace(state.NewId("workspace"), account.Id, name);
                state.Workspaces[workspace.Id] = workspace;
                return Created(workspace.ToJson());
            })))));

        app.MapGet(R.Projects, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                Page(c, state.Projects.Values.Where(p => p.WorkspaceId == workspace.Id && state.ProjectRole(p, Caller(c).Id) is not null).Select(p => p.ToJson())))));
        app.MapPost(R.Projects, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account => AsAdmin(c, account, "create projects", () =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                WithData(c, ["name", "restricted"], data => WithString(data, "name", name =>
                    Created(state.AddProject(account.Id, workspace.Id, name, Caller(c).Id).ToJson())))))));
        app.MapGet(R.Project, (HttpContext c, string account_id, string project_id) => InProject(state, c, account_id, project_id, Roles, project => Ok(project.ToJson())));
        app.MapPatch(R.Project, (HttpContext c, string account_id, string project_id) => InProject(state, c, account_id, project_id, Managing, project =>
            WithData(c, ["name", "restricted", "status"], data => WithString(data, "name", name =>
            {
                project.Name = name;
                return Ok(project.ToJson());
            }))));

        app.MapPatch(R.ProjectUser, (HttpContext c, string account_id, string project_id, string user_id) => InProject(state, c, account_id, project_id, Managing, project =>
            WithData(c, ["role"], data => WithRole(data, role =>
            {
                if (!state.Accounts[project.AccountId].Roles.ContainsKey(user_id)) return NotFound("user", user_id);
                project.UserRoles[user_id] = role;
                return Ok(new { role });
            }))));
        app.MapDelete(R.ProjectUser, (HttpContext c, string account_id, string project_id, string user_id) => InProject(state, c, account_id, project_id, Managing, project =>
            project.UserRoles.Remove(user_id) ? Results.NoContent() : NotFound("project user", user_id)));
        // Assumed (FakeFrameioServer.AssumedCalls): a person Frame.io knows joins the account at once; anyone else is only
        // invited, and is a user of the account (with an id) once they accept (FakeFrameioServer.AcceptInvite).
        app.MapPost(R.ProjectUsers, (HttpContext c, string account_id, string project_id) => InProject(state, c, account_id, project_id, Managing, project =>
            WithData(c, ["email", "role"], data => WithString(data, "email", email => WithRole(data, role =>
            {
                var account = state.Accounts[project.AccountId];
                if (state.FindUserByEmail(email) is not { } user)
                {
                    var invite = account.Invites.TryGetValue(email, out var pending) ? pending : account.Invites[email] = new FakeInvite(email);
                    invite.ProjectRoles[project.Id] = role;
                    return Created(new { user_id = (string?)null, role });
                }
                account.Roles.TryAdd(user.Id, "member");
                project.UserRoles[user.Id] = role;
                return Created(new { user_id = user.Id, role });
            })))));

        app.MapPatch(R.Folder, (HttpContext c, string account_id, string folder_id) => InFolder(state, c, account_id, folder_id, Editing, folder =>
            WithData(c, ["name", "description", "private"], data => WithString(data, "name", name =>
            {
                folder.Name = name;
                return Ok(folder.ToJson());
            }))));
        app.MapPost(R.Folders, (HttpContext c, string account_id, string folder_id) => InFolder(state, c, account_id, folder_id, Editing, parent =>
            WithData(c, ["name"], data => WithString(data, "name", name => Created(state.AddAsset("folder", parent, name).ToJson())))));
        app.MapGet(R.Children, (HttpContext c, string account_id, string folder_id) => InFolder(state, c, account_id, folder_id, Roles, folder =>
            Page(c, state.Assets.Values.Where(a => a.ParentId == folder.Id).Select(a => a.ToJson()))));
        app.MapPost(R.LocalUpload, (HttpContext c, string account_id, string folder_id) => InFolder(state, c, account_id, folder_id, Editing, parent =>
            WithData(c, ["name", "file_size"], data => WithString(data, "name", name => WithSize(data, size =>
            {
                var partSizes = PartSizes(size, server.UploadPartSize);
                var file = state.AddAsset("file", parent, name, id => new FakeAsset(id, "file", parent.AccountId, parent.ProjectId, parent.Id, name)
                {
                    MediaType = MediaTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream",
                    FileSize = size,
                    Parts = new byte[]?[partSizes.Length],
                    PartSizes = partSizes,
                });
                var uploadUrls = partSizes.Select((partSize, i) => new { size = partSize, url = new Uri(server.Origin, $"upload/{file.Id}/{i}").AbsoluteUri });
                return Created(new { file.Id, file.Name, file.Type, file.ParentId, file.ProjectId, file.MediaType, file.FileSize, file.Status, upload_urls = uploadUrls }, snakeCase: true);
            })))));
        app.MapPut(R.UploadPart, (HttpContext c, string file_id, int part) =>
        {
            lock (state.Lock)
            {
                if (!state.Assets.TryGetValue(file_id, out var file) || part < 0 || part >= file.Parts.Length) return NotFound("upload part", $"{file_id}/{part}");
                if (c.Request.Headers.Authorization.Count > 0) return Error(400, "InvalidArgument", "Only one auth mechanism allowed: the address is pre-signed.");
                if (c.Request.ContentType != file.MediaType || c.Request.Headers["x-amz-acl"] != "private")
                    return Error(403, "SignatureDoesNotMatch", $"Content-Type must be {file.MediaType} and x-amz-acl private.");
                var bytes = (byte[])c.Items[RawBodyKey]!;
                if (bytes.Length != file.PartSizes[part]) return Error(400, "IncompleteBody", $"Part {part} takes {file.PartSizes[part]} bytes, got {bytes.Length}.");
                file.Parts[part] = bytes;
                return Results.Ok();
            }
        });
        app.MapGet(R.File, (HttpContext c, string account_id, string file_id) => InAsset(state, c, account_id, file_id, "file", Roles, file => Ok(file.ToJson())));
        app.MapDelete(R.File, (HttpContext c, string account_id, string file_id) => InAsset(state, c, account_id, file_id, "file", Editing, file =>
        {
            state.Assets.Remove(file.Id);
            return Results.NoContent();
        }));
        app.MapPost(R.VersionStacks, (HttpContext c, string account_id, string folder_id) => InFolder(state, c, account_id, folder_id, Editing, parent =>
            WithData(c, ["file_ids"], data =>
            {
                var ids = data.TryGetProperty("file_ids", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
                var assets = ids.Select(id => state.Assets.GetValueOrDefault(id)).ToList();
                // A stack first: the files join it as its newest versions (the connector's assumption for versions 3 and on).
                var existing = assets.FirstOrDefault() is { Type: "version_stack" } first && first.AccountId == parent.AccountId ? first : null;
                var files = existing is null ? assets : assets[1..];
                if (files.Count == 0 || files.Any(f => f is not { Type: "file" } || f.AccountId != parent.AccountId))
                    return Error(422, "Invalid value", "file_ids must name files of this account.", "/data/file_ids");
                // A file is a version of one stack at most.
                if (files.FirstOrDefault(f => f!.ParentId is { } p && state.Assets.GetValueOrDefault(p)?.Type == "version_stack") is { } stacked)
                    return Error(409, "Conflict", $"File {stacked.Id} is already in a version stack.", "/data/file_ids");
                var stack = existing ?? state.AddAsset("version_stack", parent, files[^1]!.Name);
                foreach (var file in files) file!.ParentId = stack.Id;
                return Created(stack.ToJson());
            })));
        app.MapGet(R.Comments, (HttpContext c, string account_id, string file_id) => InAsset(state, c, account_id, file_id, "file", Roles, file =>
            Page(c, state.Comments.Values.Where(m => m.FileId == file.Id).Select(m => m.ToJson(WithOwner(c))))));
        app.MapGet(R.Comment, (HttpContext c, string account_id, string comment_id) => InAccount(state, c, account_id, account =>
            Find(state.Comments, comment_id, account, m => m.AccountId, "comment", comment => Ok(comment.ToJson(WithOwner(c))))));
        app.MapPost(R.Comments, (HttpContext c, string account_id, string file_id) => InAsset(state, c, account_id, file_id, "file", Commenting, file =>
            WithData(c, ["text", "timestamp", "duration", "page", "private", "anchor", "annotation", "attachments", "completed", "links"], data =>
                WithString(data, "text", text =>
                {
                    int? timestamp = data.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
                    var isPrivate = data.TryGetProperty("private", out var p) && p.ValueKind == JsonValueKind.True;
                    var comment = new FakeComment(state.NewId("comment"), file.AccountId, file.Id, Caller(c), text, timestamp, isPrivate);
                    state.Comments[comment.Id] = comment;
                    return Created(comment.ToJson(withOwner: false));
                }))));

        app.MapGet(R.Webhooks, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                Page(c, state.Webhooks.Values.Where(h => h.WorkspaceId == workspace.Id).Select(h => h.ToJson())))));
        app.MapPost(R.Webhooks, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account => AsAdmin(c, account, "create webhooks", () =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                WithData(c, ["name", "url", "events"], data => WithString(data, "name", name => WithString(data, "url", url =>
                {
                    var events = data.TryGetProperty("events", out var e) && e.ValueKind == JsonValueKind.Array
                        ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                    if (events.Count == 0) return Error(422, "Invalid value", "At least one event is required.", "/data/events");
                    var webhook = new FakeWebhook(state.NewId("webhook"), account.Id, workspace.Id, name, url, events, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
                    state.Webhooks[webhook.Id] = webhook;
                    return Created(new { webhook.Id, webhook.Name, webhook.Url, webhook.Events, active = true, webhook.WorkspaceId, webhook.Secret }, snakeCase: true);
                })))))));
        app.MapDelete(R.Webhook, (HttpContext c, string account_id, string workspace_id, string webhook_id) => InAccount(state, c, account_id, account =>
            AsAdmin(c, account, "delete webhooks", () => Find(state.Webhooks, webhook_id, account, h => h.AccountId, "webhook", webhook =>
            {
                state.Webhooks.Remove(webhook.Id);
                return Results.NoContent();
            }))));
    }

    private static FakeUser Caller(HttpContext context) => (FakeUser)context.Items[CallerKey]!;

    private static bool WithOwner(HttpContext context) => context.Request.Query["include"].ToString().Split(',').Contains("owner");

    private static IResult Ok(object resource) => Results.Json(new { data = resource });

    private static IResult Created(object resource, bool snakeCase = false) =>
        Results.Json(new { data = resource }, snakeCase ? new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower } : null, statusCode: 201);

    private static IResult NotFound(string kind, string id) => Error(404, "Not Found", $"No {kind} {id}.");

    private static IResult Forbidden(string what) => Error(403, "Forbidden", $"The caller may not {what}.");

    /// <summary>Runs <paramref name="handle"/> under the state lock once the caller is known to belong to the account.</summary>
    private static IResult InAccount(FakeFrameioState state, HttpContext context, string accountId, Func<FakeAccount, IResult> handle)
    {
        lock (state.Lock)
        {
            if (!state.Accounts.TryGetValue(accountId, out var account)) return NotFound("account", accountId);
            return account.Roles.ContainsKey(Caller(context).Id) ? handle(account) : Error(403, "Forbidden", $"Not a member of account {accountId}.");
        }
    }

    private static IResult AsAdmin(HttpContext context, FakeAccount account, string what, Func<IResult> handle) =>
        account.IsAdmin(Caller(context).Id) ? handle() : Forbidden(what);

    /// <summary>The project, once the caller is known to hold one of <paramref name="roles"/> in it; a project they may not see is not found.</summary>
    private static IResult InProject(FakeFrameioState state, HttpContext context, string accountId, string projectId, string[] roles, Func<FakeProject, IResult> handle) =>
        InAccount(state, context, accountId, account => Find(state.Projects, projectId, account, p => p.AccountId, "project", project => Holding(state, context, project, roles, handle)));

    private static IResult InFolder(FakeFrameioState state, HttpContext context, string accountId, string folderId, string[] roles, Func<FakeAsset, IResult> handle) =>
        InAsset(state, context, accountId, folderId, "folder", roles, handle);

    private static IResult InAsset(FakeFrameioState state, HttpContext context, string accountId, string assetId, string type, string[] roles, Func<FakeAsset, IResult> handle) =>
        InAccount(state, context, accountId, account => Find(state.Assets, assetId, account, a => a.AccountId, type, asset =>
            asset.Type != type ? NotFound(type, assetId) : Holding(state, context, state.Projects[asset.ProjectId], roles, _ => handle(asset))));

    private static IResult Holding(FakeFrameioState state, HttpContext context, FakeProject project, string[] roles, Func<FakeProject, IResult> handle) =>
        state.ProjectRole(project, Caller(context).Id) switch
        {
            null => NotFound("project", project.Id),
            { } role when roles.Contains(role) => handle(project),
            { } role => Error(403, "Forbidden", $"A {role} of project {project.Id} may not do this."),
        };

    private static IResult Find<T>(Dictionary<string, T> items, string id, FakeAccount account, Func<T, string> accountOf, string kind, Func<T, IResult> handle) =>
        items.TryGetValue(id, out var item) && accountOf(item) == account.Id ? handle(item) : NotFound(kind, id);

    /// <summary>
    /// The request's <c>data</c> object, as the published schemas take it: a JSON body (else 400), an object holding only
    /// <c>data</c>, and in it only <paramref name="fields"/> (else 422 pointing at the first field that is not one).
    /// </summary>
    private static IResult WithData(HttpContext context, string[] fields, Func<JsonElement, IResult> handle)
    {
        if (context.Request.ContentType?.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return Error(400, "Bad Request", "The body must be JSON (Content-Type: application/json).");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse((byte[])context.Items[RawBodyKey]!);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Error(400, "Bad Request", "The body is not JSON.");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            return Error(422, "Invalid value", "data is required.", "/data");
        if (root.EnumerateObject().FirstOrDefault(p => p.Name != "data") is { Value.ValueKind: not JsonValueKind.Undefined } outside)
            return Error(422, "Invalid value", $"{outside.Name} is not a field of this request.", $"/{outside.Name}");
        if (data.EnumerateObject().FirstOrDefault(p => !fields.Contains(p.Name)) is { Value.ValueKind: not JsonValueKind.Undefined } unknown)
            return Error(422, "Invalid value", $"{unknown.Name} is not a field of this request.", $"/data/{unknown.Name}");
        return handle(data);
    }

    private static IResult WithString(JsonElement data, string field, Func<string, IResult> handle) =>
        data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? handle(text)
            : Error(422, "Invalid value", $"{field} is required.", $"/data/{field}");

    private static IResult WithSize(JsonElement data, Func<long, IResult> handle) =>
        data.TryGetProperty("file_size", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var size) && size > 0
            ? handle(size)
            : Error(422, "Invalid value", "file_size must be a positive number of bytes.", "/data/file_size");

    private static IResult WithRole(JsonElement data, Func<string, IResult> handle) =>
        WithString(data, "role", role => Roles.Contains(role) ? handle(role) : Error(422, "Invalid value", $"role must be one of {string.Join(", ", Roles)}.", "/data/role"));

    private static long[] PartSizes(long size, long partSize) =>
        [.. Enumerable.Range(0, (int)((size + partSize - 1) / partSize)).Select(i => Math.Min(partSize, size - i * partSize))];

    /// <summary>Frame.io's cursor paging: <c>page_size</c> 1 to 100 (50 by default), <c>after</c> an opaque cursor, <c>links.next</c> or null.</summary>
    private static IResult Page(HttpContext context, IEnumerable<object> items)
    {
        var query = context.Request.Query;
        var pageSize = 50;
        if (query.TryGetValue("page_size", out var sizeText) && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > 100))
            return Error(422, "Invalid value", "page_size must be between 1 and 100.", "/page_size");
        var offset = 0;
        if (query.TryGetValue("after", out var after))
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(after.ToString())).Replace("offset:", ""), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return Error(400, "Bad Request", "Invalid cursor.", "/after");
            }
        }
        var all = items.ToList();
        var page = all.Skip(offset).Take(pageSize).ToList();
        var nextCursor = Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset + pageSize}"));
        var next = offset + pageSize < all.Count ? $"{context.Request.Path}?after={Uri.EscapeDataString(nextCursor)}&page_size={pageSize}" : null;
        return Results.Json(new { data = page, links = new { next } });
    }
}
