namespace Greenlight.Kernel.Errors;

// Exceptions the host turns into RFC 9457 problem responses. Handlers and grains throw them (they
// cross grain calls, hence the serializers); endpoints never build error responses by hand.

/// <summary>400: the request is malformed; <see cref="Errors"/> maps each field (camelCase path) to its messages.</summary>
[GenerateSerializer, Alias("greenlight.request-validation-error")]
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are invalid: " + string.Join(", ", errors.Keys)) => Errors = errors.ToDictionary();

    [Id(0)]
    public Dictionary<string, string[]> Errors { get; private set; }

    public static RequestValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>401: no valid credentials came with the request.</summary>
[GenerateSerializer, Alias("greenlight.not-authenticated")]
public sealed class NotAuthenticatedException() : Exception("A valid bearer token is required.");

/// <summary>403: the caller is known and may see the object, but may not do this.</summary>
[GenerateSerializer, Alias("greenlight.forbidden")]
public sealed class ForbiddenException(string reason) : Exception(reason);

/// <summary>404: the object does not exist, or the caller may not know that it does.</summary>
[GenerateSerializer, Alias("greenlight.not-found")]
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>409: the request conflicts with the current state (a stale version, a duplicate name).</summary>
[GenerateSerializer, Alias("greenlight.conflict")]
public sealed class ConflictException(string reason) : Exception(reason);

/// <summary>413: the content sent is larger than the limit for it; nothing of it was kept.</summary>
[GenerateSerializer, Alias("greenlight.content-too-large")]
public sealed class ContentTooLargeException(long limitBytes) : Exception($"The content is larger than the limit of {limitBytes} bytes.")
{
    [Id(0)]
    public long LimitBytes { get; private set; } = limitBytes;
}

/// <summary>
/// 502: a service outside Greenlight that the request needed (Frame.io, say) refused it or did not answer. The message says
/// which service and what it answered (status and its own error title), so the caller can tell a wrong setting from an outage.
/// </summary>
[GenerateSerializer, Alias("greenlight.upstream-failure")]
public sealed class UpstreamFailureException(string reason) : Exception(reason);
