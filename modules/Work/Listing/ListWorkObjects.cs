namespace Greenlight.Modules.Work.Listing;

/// <summary>
/// A page of objects of one type the caller may view, in creation order: all of them, those of a
/// project, or those under a parent (program, portfolio, task, folder).
/// </summary>
public sealed record ListWorkObjects(ObjectType Type, string? ProjectId, string? ParentId, string? After, int Limit) : IRequest<Page<WorkObjectSummary>>, IListingRequest
{
    [JsonIgnore] public ObjectType Listed => Type;

    [JsonIgnore] public SecuredRef? Within => ProjectId is null ? null : Secured.Project(ProjectId);

    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

public sealed class ListWorkObjectsValidator : AbstractValidator<ListWorkObjects>
{
    public ListWorkObjectsValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, ListWorkObjects.MaxLimit);
        When(r => r.After is not null, () => RuleFor(r => r.After).MustBeId());
        When(r => r.ParentId is not null, () => RuleFor(r => r.ParentId).MustBeId());
    }
}

internal sealed class ListWorkObjectsHandler(IStore store, IMediator sender, ICurrentPrincipal current) : IRequestHandler<ListWorkObjects, Page<WorkObjectSummary>>
{
    public async Task<Page<WorkObjectSummary>> Handle(ListWorkObjects request, CancellationToken cancellationToken)
    {
        var page = new List<WorkObjectSummary>();
        var after = request.After ?? "";
        while (page.Count < request.Limit)
        {
            var batch = await ReadAsync(request, after, request.Limit, cancellationToken);
            if (batch.Count == 0) break;
            var viewable = (await sender.Send(new FilterViewable(current.UserId(),
                [.. batch.Select(o => Secured.Of(o.Type, o.Id, o.ProjectId))]), cancellationToken)).Select(s => s.Object.Id).ToHashSet();
            page.AddRange(batch.Where(o => viewable.Contains(o.Id)).Take(request.Limit - page.Count));
            after = batch[^1].Id;
            if (batch.Count < request.Limit) return new Page<WorkObjectSummary>(page, null);
        }
        return new Page<WorkObjectSummary>(page, page.Count == request.Limit ? page[^1].Id : null);
    }

    private async Task<List<WorkObjectSummary>> ReadAsync(ListWorkObjects request, string after, int limit, CancellationToken ct)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        var filters = (request.ProjectId is null ? "" : " AND project_id = @project") + (request.ParentId is null ? "" : " AND parent_id = @parent");
        await using var command = connection.Command($"""
            SELECT id, name, status, project_id, parent_id FROM work_objects
            WHERE object_type = @type AND id > @after{filters}
            ORDER BY id LIMIT @limit
            """, ("type", request.Type.ToString()), ("after", after), ("project", request.ProjectId), ("parent", request.ParentId), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<WorkObjectSummary>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new WorkObjectSummary(reader.GetString(0), request.Type, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }
}

/// <summary>GET lists, paged with ?after=&amp;limit=: portfolios, programs, projects, and a project's tasks, issues, folders and documents.</summary>
public sealed class ListEndpoints : IEndpoints
{
    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        MapList(api, "/portfolios", ObjectType.Portfolio, "Portfolios", project: false, parent: null);
        MapList(api, "/programs", ObjectType.Program, "Programs", project: false, parent: "portfolioId");
        MapList(api, "/projects", ObjectType.Project, "Projects", project: false, parent: "programId");
        MapList(api, "/projects/{projectId}/tasks", ObjectType.Task, "Tasks", project: true, parent: "parentTaskId");
        MapList(api, "/projects/{projectId}/issues", ObjectType.Issue, "Issues", project: true, parent: "taskId");
        MapList(api, "/projects/{projectId}/folders", ObjectType.DocumentFolder, "Folders", project: true, parent: "parentFolderId");
        MapList(api, "/projects/{projectId}/documents", ObjectType.Document, "Documents", project: true, parent: "folderId");
    }

    /// <param name="parent">The query parameter filtering by parent, if any.</param>
    private static void MapList(IEndpointRouteBuilder api, string path, ObjectType type, string name, bool project, string? parent) =>
        api.MapGet(path, async Task<Ok<Page<WorkObjectSummary>>> (HttpContext context, IMediator sender, string? after, int? limit, CancellationToken ct) =>
        {
            var projectId = project ? (string?)context.GetRouteValue("projectId") : null;
            var parentId = parent is null ? null : context.Request.Query[parent].FirstOrDefault();
            return TypedResults.Ok(await sender.Send(new ListWorkObjects(type, projectId, parentId, after, limit ?? ListWorkObjects.DefaultLimit), ct));
        }).WithTags(name == "Folders" || name == "Documents" ? "Documents" : name).WithName($"List{name}");
}
