namespace Greenlight.Testing.Smtp;

/// <summary>A message as the sink received it: the envelope, the raw MIME, and the decoded parts tests look at.</summary>
public sealed record ReceivedEmail(
    string MailFrom,
    IReadOnlyList<string> Recipients,
    string? AuthenticatedUser,
    string RawMime,
    string Subject,
    string From,
    string To,
    string? TextBody,
    string? HtmlBody)
{
    internal static ReceivedEmail Read(string mailFrom, IReadOnlyList<string> recipients, string? authenticatedUser, string rawMime)
    {
        var message = MimeEntity.Parse(rawMime);
        return new ReceivedEmail(
            mailFrom, recipients, authenticatedUser, rawMime,
            Subject: message.Header("Subject") ?? "",
            From: message.Header("From") ?? "",
            To: message.Header("To") ?? "",
            TextBody: message.FirstText("text/plain"),
            HtmlBody: message.FirstText("text/html"));
    }
}
