namespace Greenlight.Kernel.Email;

/// <summary>Sends one message; a failure throws, so the outbox job that called it is retried.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// A notification with both a plain-text and an HTML body (mail clients show the richest they can).
/// Recipients are addresses, optionally with a display name: <c>Ana Díaz &lt;ana@example.com&gt;</c>.
/// </summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string PlainTextBody, string HtmlBody)
{
    /// <summary>A message whose HTML body is the plain text, encoded, with its line breaks kept.</summary>
    public static EmailMessage FromText(IReadOnlyList<string> to, string subject, string body) =>
        new(to, subject, body, "<p>" + System.Net.WebUtility.HtmlEncode(body).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>");
}
