namespace Greenlight.Modules.Work.Documents;

/// <summary>A file a console form posted, as the upload requests take it.</summary>
internal static class UploadedFile
{
    /// <summary>What the browser said the file is, else bytes (as the API's upload assumes without a Content-Type).</summary>
    public static string ContentTypeOf(IFormFile file) => string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
}
