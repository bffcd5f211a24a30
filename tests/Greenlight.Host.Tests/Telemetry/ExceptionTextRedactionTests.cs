using System.Diagnostics;
using Greenlight.Host.Telemetry;

namespace Greenlight.Host.Tests.Telemetry;

public sealed class ExceptionTextRedactionTests
{
    [Fact]
    public void A_failed_span_keeps_the_exception_type_and_loses_its_message_and_stack_trace()
    {
        using var span = new Activity("grain call");
        span.SetTag("exception.type", "ConflictException");
        span.SetTag("exception.message", "alice@example.org already exists");
        span.SetTag("exception.stacktrace", "at Greenlight.Somewhere()");

        new ExceptionTextRedaction().OnEnd(span);

        Assert.Equal("ConflictException", span.GetTagItem("exception.type"));
        Assert.Null(span.GetTagItem("exception.message"));
        Assert.Null(span.GetTagItem("exception.stacktrace"));
    }
}
