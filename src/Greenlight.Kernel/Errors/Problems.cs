namespace Greenlight.Kernel.Errors;

// Exceptions the host turns into RFC 9457 problem responses. Handlers throw them; endpoints
// never build error responses by hand.

/// <summary>400: the request is malformed; <see cref="Errors"/> maps each field (camelCase path) to its messages.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static RequestValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>401: no valid credentials came with the request.</summary>
public sealed class NotAuthenticatedException() : Exception("A valid bearer token is required.");

/// <summary>403: the caller is known and may see the object, but may not do this.</summary>
public sealed class ForbiddenException(string reason) : Exception(reason);

/// <summary>404: the object does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>409: the request conflicts with the current state (a stale version, a duplicate name).</summary>
public class ConflictException(string reason) : Exception(reason);

/// <summary>413: the content sent is larger than the limit for it; nothing of it was kept.</summary>
public sealed class ContentTooLargeException(long limitBytes) : Exception($"The content is larger than the limit of {limitBytes} bytes.")
{
    public long LimitBytes { get; } = limitBytes;
}
