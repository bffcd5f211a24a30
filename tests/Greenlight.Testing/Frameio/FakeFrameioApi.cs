using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using R = Greenlight.Testing.Frameio.FakeFrameioRoutes;

namespace Greenlight.Testing.Frameio;

/// <summary>The fake's routes: each checks the caller may see the account, validates the body like Frame.io (422 with a pointer), and answers in <c>data</c>.</summary>
internal static class FakeFrameioApi
{
    public const string RawBodyKey = "frameio.raw-body";
    public const string CallerKey = "frameio.caller";

    private static readonly string[] Roles = ["full_access", "editor", "edit_only", "commenter", "viewer"];
    private static readonly FileExtensionContentTypeProvider MediaTypes = new();

    public static IResult Error(int status, string title, string detail, string? pointer = null) =>
        Results.Json(new { errors = new[] { new { detail, source = pointer is null ? null : new { pointer }, title } } }, statusCode: status);

    public static void Map(WebApplication app, FakeFrameioServer server)
    {
        var state = server.State;

        app.MapGet(R.Me, (HttpContext c) => Ok(Caller(c).ToJson()));
        app.MapGet(R.Accounts, (HttpContext c) =>
        {
            lock (state.Lock) return Page(c, state.Accounts.Values.Where(a => a.MemberIds.Contains(Caller(c).Id)).Select(a => a.ToJson()));
        });
        app.MapGet(R.AccountUsers, (HttpContext c, string account_id) => InAccount(state, c, account_id, account =>
            Page(c, account.MemberIds.Select(id => state.Users[id].ToJson(account)))));
        app.MapDelete(R.AccountUser, (HttpContext c, string account_id, string user_id) => InAccount(state, c, account_id, account =>
            account.MemberIds.Remove(user_id) ? Results.NoContent() : NotFound("user", user_id)));

        app.MapGet(R.Workspaces, (HttpContext c, string account_id) => InAccount(state, c, account_id, account =>
            Page(c, state.Workspaces.Values.Where(w => w.AccountId == account.Id).Select(w => w.ToJson()))));
        app.MapPost(R.Workspaces, (HttpContext c, string account_id) => InAccount(state, c, account_id, account =>
            WithString(c, "name", name =>
            {
                var workspace = new FakeWorkspace(state.NewId("workspace"), account.Id, name);
                state.Workspaces[workspace.Id] = workspace;
                return Created(workspace.ToJson());
            })));

        app.MapGet(R.Projects, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                Page(c, state.Projects.Values.Where(p => p.WorkspaceId == workspace.Id).Select(p => p.ToJson())))));
        app.MapPost(R.Projects, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                WithString(c, "name", name => Created(state.AddProject(account.Id, workspace.Id, name).ToJson())))));
        app.MapGet(R.Project, (HttpContext c, string account_id, string project_id) => InAccount(state, c, account_id, account =>
            Find(state.Projects, project_id, account, p => p.AccountId, "project", project => Ok(project.ToJson()))));
        app.MapPatch(R.Project, (HttpContext c, string account_id, string project_id) => InAccount(state, c, account_id, account =>
            Find(state.Projects, project_id, account, p => p.AccountId, "project", project => WithString(c, "name", name =>
            {
                project.Name = name;
                return Ok(project.ToJson());
            }))));

        app.MapPatch(R.Folder, (HttpContext c, string account_id, string folder_id) => InAccount(state, c, account_id, account =>
            InFolder(state, folder_id, account, folder => WithString(c, "name", name =>
            {
                folder.Name = name;
                return Ok(folder.ToJson());
            }))));

        app.MapPatch(R.ProjectUser, (HttpContext c, string account_id, string project_id, string user_id) => InAccount(state, c, account_id, account =>
            Find(state.Projects, project_id, account, p => p.AccountId, "project", project => WithRole(c, role =>
            {
                if (!account.MemberIds.Contains(user_id)) return NotFound("user", user_id);
                project.UserRoles[user_id] = role;
                return Ok(new { user_id, role });
            }))));
        app.MapDelete(R.ProjectUser, (HttpContext c, string account_id, string project_id, string user_id) => InAccount(state, c, account_id, account =>
            Find(state.Projects, project_id, account, p => p.AccountId, "project", project =>
                project.UserRoles.Remove(user_id) ? Results.NoContent() : NotFound("project user", user_id))));
        app.MapPost(R.ProjectUsers, (HttpContext c, string account_id, string project_id) => InAccount(state, c, account_id, account =>
            Find(state.Projects, project_id, account, p => p.AccountId, "project", project => WithString(c, "email", email => WithRole(c, role =>
            {
                var user = state.UserByEmail(email);
                account.MemberIds.Add(user.Id);
                project.UserRoles[user.Id] = role;
                return Created(new { user_id = user.Id, role });
            })))));

        app.MapPost(R.Folders, (HttpContext c, string account_id, string folder_id) => InAccount(state, c, account_id, account =>
            InFolder(state, folder_id, account, parent => WithString(c, "name", name => Created(state.AddAsset("folder", parent, name).ToJson())))));
        app.MapGet(R.Children, (HttpContext c, string account_id, string folder_id) => InAccount(state, c, account_id, account =>
            InFolder(state, folder_id, account, folder => Page(c, state.Assets.Values.Where(a => a.ParentId == folder.Id).Select(a => a.ToJson())))));
        app.MapPost(R.LocalUpload, (HttpContext c, string account_id, string folder_id) => InAccount(state, c, account_id, account =>
            InFolder(state, folder_id, account, parent => WithString(c, "name", name => WithSize(c, size =>
            {
                var partSizes = PartSizes(size, server.UploadPartSize);
                var file = state.AddAsset("file", parent, name, id => new FakeAsset(id, "file", account.Id, parent.ProjectId, parent.Id, name)
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
        app.MapGet(R.File, (HttpContext c, string account_id, string file_id) => InAccount(state, c, account_id, account =>
            Find(state.Assets, file_id, account, a => a.AccountId, "file", file => Ok(file.ToJson()))));
        app.MapDelete(R.File, (HttpContext c, string account_id, string file_id) => InAccount(state, c, account_id, account =>
            Find(state.Assets, file_id, account, a => a.AccountId, "file", file =>
            {
                state.Assets.Remove(file.Id);
                return Results.NoContent();
            })));
        app.MapPost(R.VersionStacks, (HttpContext c, string account_id, string folder_id) => InAccount(state, c, account_id, account =>
            InFolder(state, folder_id, account, parent =>
            {
                var ids = Data(c) is { } data && data.TryGetProperty("file_ids", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
                var assets = ids.Select(id => state.Assets.GetValueOrDefault(id)).ToList();
                // A stack first: the files join it as its newest versions (the connector's assumption for versions 3 and on).
                var existing = assets.FirstOrDefault() is { Type: "version_stack" } first && first.AccountId == account.Id ? first : null;
                var files = existing is null ? assets : assets[1..];
                if (files.Count == 0 || files.Any(f => f is not { Type: "file" } || f.AccountId != account.Id))
                    return Error(422, "Invalid value", "file_ids must name files of this account.", "/data/file_ids");
                var stack = existing ?? state.AddAsset("version_stack", parent, files[^1]!.Name);
                foreach (var file in files) file!.ParentId = stack.Id;
                return Created(stack.ToJson());
            })));
        app.MapGet(R.Comments, (HttpContext c, string account_id, string file_id) => InAccount(state, c, account_id, account =>
            Find(state.Assets, file_id, account, a => a.AccountId, "file", file =>
                Page(c, state.Comments.Values.Where(m => m.FileId == file.Id).Select(m => m.ToJson())))));
        app.MapGet(R.Comment, (HttpContext c, string account_id, string comment_id) => InAccount(state, c, account_id, account =>
            Find(state.Comments, comment_id, account, m => m.AccountId, "comment", comment => Ok(comment.ToJson()))));
        app.MapPost(R.Comments, (HttpContext c, string account_id, string file_id) => InAccount(state, c, account_id, account =>
            Find(state.Assets, file_id, account, a => a.AccountId, "file", file => WithString(c, "text", text =>
            {
                var data = Data(c)!.Value;
                int? timestamp = data.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : null;
                var isPrivate = data.TryGetProperty("private", out var p) && p.ValueKind == JsonValueKind.True;
                var comment = new FakeComment(state.NewId("comment"), account.Id, file.Id, Caller(c).Id, text, timestamp, isPrivate);
                state.Comments[comment.Id] = comment;
                return Created(comment.ToJson());
            }))));

        app.MapGet(R.Webhooks, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace =>
                Page(c, state.Webhooks.Values.Where(h => h.WorkspaceId == workspace.Id).Select(h => h.ToJson())))));
        app.MapPost(R.Webhooks, (HttpContext c, string account_id, string workspace_id) => InAccount(state, c, account_id, account =>
            Find(state.Workspaces, workspace_id, account, w => w.AccountId, "workspace", workspace => WithString(c, "name", name => WithString(c, "url", url =>
            {
                var events = Data(c)!.Value.TryGetProperty("events", out var e) && e.ValueKind == JsonValueKind.Array
                    ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                if (events.Count == 0) return Error(422, "Invalid value", "At least one event is required.", "/data/events");
                var webhook = new FakeWebhook(state.NewId("webhook"), account.Id, workspace.Id, name, url, events, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()));
                state.Webhooks[webhook.Id] = webhook;
                return Created(new { webhook.Id, webhook.Name, webhook.Url, webhook.Events, active = true, webhook.WorkspaceId, webhook.Secret }, snakeCase: true);
            })))));
        app.MapDelete(R.Webhook, (HttpContext c, string account_id, string workspace_id, string webhook_id) => InAccount(state, c, account_id, account =>
            Find(state.Webhooks, webhook_id, account, h => h.AccountId, "webhook", webhook =>
            {
                state.Webhooks.Remove(webhook.Id);
                return Results.NoContent();
            })));
    }

    private static FakeUser Caller(HttpContext context) => (FakeUser)context.Items[CallerKey]!;

    private static IResult Ok(object resource) => Results.Json(new { data = resource });

    private static IResult Created(object resource, bool snakeCase = false) =>
        Results.Json(new { data = resource }, snakeCase ? new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower } : null, statusCode: 201);

    private static IResult NotFound(string kind, string id) => Error(404, "Not Found", $"No {kind} {id}.");

    /// <summary>Runs <paramref name="handle"/> under the state lock once the caller is known to belong to the account.</summary>
    private static IResult InAccount(FakeFrameioState state, HttpContext context, string accountId, Func<FakeAccount, IResult> handle)
    {
        lock (state.Lock)
        {
            if (!state.Accounts.TryGetValue(accountId, out var account)) return NotFound("account", accountId);
            return account.MemberIds.Contains(Caller(context).Id) ? handle(account) : Error(403, "Forbidden", $"Not a member of account {accountId}.");
        }
    }

    private static IResult Find<T>(Dictionary<string, T> items, string id, FakeAccount account, Func<T, string> accountOf, string kind, Func<T, IResult> handle) =>
        items.TryGetValue(id, out var item) && accountOf(item) == account.Id ? handle(item) : NotFound(kind, id);

    private static IResult InFolder(FakeFrameioState state, string folderId, FakeAccount account, Func<FakeAsset, IResult> handle) =>
        Find(state.Assets, folderId, account, a => a.AccountId, "folder", folder => folder.Type == "folder" ? handle(folder) : NotFound("folder", folderId));

    /// <summary>The request's <c>data</c> object; null when the body is missing, not JSON, or not wrapped in <c>data</c>.</summary>
    private static JsonElement? Data(HttpContext context)
    {
        try
        {
            using var document = JsonDocument.Parse((byte[])context.Items[RawBodyKey]!);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? data.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult WithString(HttpContext context, string field, Func<string, IResult> handle) =>
        Data(context) is { } data && data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? handle(text)
            : Error(422, "Invalid value", $"{field} is required.", $"/data/{field}");

    private static IResult WithSize(HttpContext context, Func<long, IResult> handle) =>
        Data(context) is { } data && data.TryGetProperty("file_size", out var value) && value.TryGetInt64(out var size) && size > 0
            ? handle(size)
            : Error(422, "Invalid value", "file_size must be a positive number of bytes.", "/data/file_size");

    private static IResult WithRole(HttpContext context, Func<string, IResult> handle) =>
        WithString(context, "role", role => Roles.Contains(role) ? handle(role) : Error(422, "Invalid value", $"role must be one of {string.Join(", ", Roles)}.", "/data/role"));

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
