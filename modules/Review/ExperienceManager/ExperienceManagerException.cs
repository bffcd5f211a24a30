using System.Net;

namespace Greenlight.Modules.Review.ExperienceManager;

/// <summary>Experience Manager (or the storage behind an upload URI) refused a request.</summary>
public sealed class ExperienceManagerException(string message, HttpStatusCode statusCode, string responseBody) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string ResponseBody { get; } = responseBody;
}
