using Greenlight.Kernel.Errors;

namespace Greenlight.Kernel.Pages;

/// <summary>
/// What a console form shows when the mediator refuses its request: the same problems the API answers, each message next to
/// the field it names (camelCase, as in problem details), and those that name no field above the form under <see cref="Form"/>.
/// </summary>
public sealed class ProblemFields
{
    /// <summary>The key of the messages that belong to no single field.</summary>
    public const string Form = "";

    private readonly Dictionary<string, string[]> _messages = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _messages.Count > 0;

    public IReadOnlyList<string> For(string field) => _messages.TryGetValue(field, out var messages) ? messages : [];

    public void Clear() => _messages.Clear();

    public void Add(string field, string message) =>
        _messages[field] = [.. For(field), message];

    /// <summary>Sends the request; a refusal the API would answer with a 4xx is kept for the form and gives default.</summary>
    public async Task<T?> TryAsync<T>(Func<Task<T>> send)
    {
        Clear();
        try
        {
            return await send();
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
                foreach (var message in messages) Add(field, message);
        }
        catch (Exception refused) when (refused is ForbiddenException or NotFoundException or ConflictException or UpstreamFailureException or NotAuthenticatedException)
        {
            Add(Form, refused.Message);
        }
        return default;
    }
}
