using System.Diagnostics;
using OpenTelemetry;

namespace Greenlight.Host.Telemetry;

/// <summary>
/// Drops the message and stack trace that instrumentations (Orleans's grain-call spans among them) put on a failed
/// span as tags: an exception's message may quote what a caller sent, an address, a header. The type stays.
/// </summary>
internal sealed class ExceptionTextRedaction : BaseProcessor<Activity>
{
    private static readonly string[] Redacted = ["exception.message", "exception.stacktrace"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in Redacted)
        {
            if (data.GetTagItem(tag) is not null) data.SetTag(tag, null);
        }
    }
}
