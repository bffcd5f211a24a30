using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Greenlight.Kernel.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Email;

/// <summary>
/// Sends through an SMTP relay with <see cref="SmtpClient"/>, a new client per message because one
/// client cannot send two messages at once. Errors (<see cref="SmtpException"/>, socket errors) are
/// not caught: the outbox retries the job and parks it with the error when retries run out.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Host) || string.IsNullOrWhiteSpace(settings.From))
            throw new InvalidOperationException($"{EmailOptions.Section}:Host and {EmailOptions.Section}:From must be set to send email.");
        if (!string.IsNullOrEmpty(settings.UserName) && !settings.EnableSsl && !settings.AllowLoginWithoutTls)
            throw new InvalidOperationException(
                $"Refusing to send the SMTP password without TLS: set {EmailOptions.Section}:EnableSsl, or {EmailOptions.Section}:AllowLoginWithoutTls for a relay on a trusted network.");
        if (message.To.Count == 0)
            throw new ArgumentException("An email needs at least one recipient.", nameof(message));

        using var mail = Compose(message, new MailAddress(settings.From));
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch
        {
            KernelMetrics.EmailsFailed.Add(1);
            throw;
        }
        KernelMetrics.EmailsSent.Add(1);
        logger.LogInformation("Sent email {Subject} to {RecipientCount} recipient(s) through {SmtpHost}:{SmtpPort}",
            message.Subject, message.To.Count, settings.Host, settings.Port);
    }

    private static MailMessage Compose(EmailMessage message, MailAddress from)
    {
        var mail = new MailMessage
        {
            From = from,
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        foreach (var recipient in message.To) mail.To.Add(new MailAddress(recipient));
        // Plain first, HTML last: multipart/alternative lists parts from least to most preferred.
        mail.AlternateViews.Add(View(message.PlainTextBody, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View(message.HtmlBody, MediaTypeNames.Text.Html));
        return mail;
    }

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body, Encoding.UTF8, mediaType);
        // Quoted-printable keeps mostly-ASCII bodies readable in the raw message, unlike base64.
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
