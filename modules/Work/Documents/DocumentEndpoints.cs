using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Greenlight.Modules.Work.Documents;

/// <summary>Folders and documents of a project. Uploads are the raw request body, streamed into the store.</summary>
public sealed class DocumentEndpoints : IEndpoints
{
    public sealed record CreateFolderBody(string Name, string? ParentFolderId = null);

    public sealed record RenameBody(string Name);

    /// <summary><c>folderId</c> must be sent: a folder of the project, or null for its top level.</summary>
    public sealed record MoveDocumentBody([property: JsonRequired] string? FolderId);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var folders = api.MapGroup("/projects/{projectId}/folders").WithTags("Documents");
        folders.MapPost("/", async Task<Created<FolderView>> (IMediator sender, string projectId, CreateFolderBody body, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateFolder(projectId, body.Name, body.ParentFolderId), ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/folders/{created.Id}", created);
        }).WithName("CreateFolder");
        folders.MapGet("/{folderId}", async Task<Ok<FolderView>> (IMediator sender, string projectId, string folderId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetFolder(projectId, folderId), ct))).WithName("GetFolder");
        folders.MapPatch("/{folderId}", async Task<Ok<FolderView>> (IMediator sender, string projectId, string folderId, RenameBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RenameFolder(projectId, folderId, body.Name), ct))).WithName("RenameFolder");
        folders.MapDelete("/{folderId}", async Task<NoContent> (IMediator sender, string projectId, string folderId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteFolder(projectId, folderId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteFolder");

        var documents = api.MapGroup("/projects/{projectId}/documents").WithTags("Documents");
        documents.MapPost("/", async Task<Created<DocumentView>> (
            HttpContext context, IMediator sender, string projectId, string? name, string? folderId, CancellationToken ct) =>
        {
            var created = await sender.Send(new UploadDocument(projectId, folderId, name ?? "", ContentType(context), Body(context), context.Request.ContentLength), ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/documents/{created.Id}", created);
        }).WithName("UploadDocument").WithSummary("The body is the file; ?name= names it, ?folderId= puts it in a folder.");
        documents.MapPost("/{documentId}/versions", async Task<Created<DocumentView>> (
            HttpContext context, IMediator sender, string projectId, string documentId, CancellationToken ct) =>
        {
            var document = await sender.Send(new UploadVersion(projectId, documentId, ContentType(context), Body(context), context.Request.ContentLength), ct);
            return TypedResults.Created($"/api/v1/projects/{projectId}/documents/{documentId}/versions/{document.Versions.Count}/content", document);
        }).WithName("UploadDocumentVersion").WithSummary("The body is the new version's file.");
        documents.MapGet("/{documentId}/versions/{version:int}/content", async Task<FileStreamHttpResult> (
            IMediator sender, string projectId, string documentId, int version, CancellationToken ct) =>
        {
            var content = await sender.Send(new DownloadVersion(projectId, documentId, version), ct);
            return TypedResults.Stream(content.Content, content.ContentType, content.Name);
        }).WithName("DownloadDocumentVersion");
        documents.MapGet("/{documentId}", async Task<Ok<DocumentView>> (IMediator sender, string projectId, string documentId, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetDocument(projectId, documentId), ct))).WithName("GetDocument");
        documents.MapPatch("/{documentId}", async Task<Ok<DocumentView>> (IMediator sender, string projectId, string documentId, RenameBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RenameDocument(projectId, documentId, body.Name), ct))).WithName("RenameDocument");
        documents.MapPost("/{documentId}/move", async Task<Ok<DocumentView>> (
            IMediator sender, string projectId, string documentId, MoveDocumentBody body, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveDocument(projectId, documentId, body.FolderId), ct))).WithName("MoveDocument");
        documents.MapDelete("/{documentId}", async Task<NoContent> (IMediator sender, string projectId, string documentId, CancellationToken ct) =>
        {
            await sender.Send(new DeleteDocument(projectId, documentId), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteDocument");
    }

    private static string ContentType(HttpContext context) => context.Request.ContentType ?? "application/octet-stream";

    /// <summary>The request body, allowed up to the document limit (not the host's general limit).</summary>
    private static Stream Body(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
            limit.MaxRequestBodySize = context.RequestServices.GetRequiredService<IOptions<WorkOptions>>().Value.MaxDocumentBytes;
        return context.Request.Body;
    }
}
