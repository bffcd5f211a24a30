using System.Text;

namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>
/// One V4 operation: a method and a path template such as <c>/accounts/{account_id}/projects/{project_id}</c>.
/// Frame.io rate-limits per operation, so this is also the key under which the client paces its calls.
/// </summary>
public sealed record FrameioEndpoint(HttpMethod Method, string Template)
{
    /// <summary>Frame.io creates are not idempotent: a POST whose outcome is unknown must not be sent again blindly.</summary>
    public bool IsIdempotent => Method != HttpMethod.Post;

    /// <summary>The template with each <c>{name}</c> replaced, in order, by the escaped value.</summary>
    public string PathWith(params string[] values)
    {
        var path = new StringBuilder();
        var next = 0;
        foreach (var segment in Template.Split('/'))
        {
            if (segment.Length == 0) continue;
            var isParameter = segment.StartsWith('{');
            if (isParameter && next >= values.Length)
                throw new ArgumentException($"{this} needs more than {values.Length} values.", nameof(values));
            path.Append('/').Append(isParameter ? Uri.EscapeDataString(values[next++]) : segment);
        }
        if (next != values.Length) throw new ArgumentException($"{this} takes {next} values, not {values.Length}.", nameof(values));
        return path.ToString();
    }

    public override string ToString() => $"{Method} {Template}";
}
