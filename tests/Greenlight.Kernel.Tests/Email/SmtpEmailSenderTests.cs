using System.Net.Mail;
using Greenlight.Kernel.Email;
using Greenlight.Testing.Logging;
using Greenlight.Testing.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Kernel.Tests.Email;

public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly SmtpSink _sink = SmtpSink.Start();
    private readonly CapturedLogs _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task Sends_the_subject_recipients_and_both_bodies_in_non_ascii_text()
    {
        var message = new EmailMessage(
            ["Ana Díaz <ana@example.test>", "bo@example.test"],
            "Freigabe nötig: Frühjahrskampagne «Hero» ✓ — bitte bis Freitag prüfen, danke schön",
            "Hallo Ana,\r\nbitte prüfe das Motiv «Hero».\r\n.Diese Zeile beginnt mit einem Punkt.",
            "<p>Hallo Ana,</p><p>bitte prüfe das Motiv <b>«Hero»</b> ✓</p>");

        await Sender(new EmailOptions()).SendAsync(message);

        var received = Assert.Single(await _sink.WaitForMessagesAsync(1, Patience));
        Assert.Equal("greenlight@example.test", received.MailFrom);
        Assert.Equal(["ana@example.test", "bo@example.test"], received.Recipients);
        Assert.Equal(message.Subject, received.Subject);
        Assert.Contains("Ana Díaz", received.To);
        Assert.Equal(message.PlainTextBody, received.TextBody);
        Assert.Equal(message.HtmlBody, received.HtmlBody);
        Assert.Null(received.AuthenticatedUser);
    }

    [Fact]
    public async Task Authenticates_as_the_configured_user_and_never_logs_the_password()
    {
        const string password = "pa55-never-logged";

        // The sink speaks no TLS: this relay is trusted explicitly.
        await Sender(new EmailOptions { UserName = "mailer", Password = password, AllowLoginWithoutTls = true }).SendAsync(Notification());

        var received = Assert.Single(await _sink.WaitForMessagesAsync(1, Patience));
        Assert.Equal("mailer", received.AuthenticatedUser);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(password, _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_is_never_sent_to_a_relay_without_tls_unless_allowed()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Sender(new EmailOptions { UserName = "mailer", Password = "pa55" }).SendAsync(Notification()));
        await Sender(new EmailOptions()).SendAsync(Notification());

        Assert.Contains("Email:EnableSsl", refused.Message, StringComparison.Ordinal);
        var received = Assert.Single(await _sink.WaitForMessagesAsync(1, Patience));
        Assert.Null(received.AuthenticatedUser);
    }

    [Fact]
    public async Task A_refused_message_surfaces_as_an_exception_and_a_retry_is_delivered()
    {
        var sender = Sender(new EmailOptions());
        _sink.RefuseNextMessage();

        var refused = await Assert.ThrowsAsync<SmtpException>(() => sender.SendAsync(Notification()));
        await sender.SendAsync(Notification());

        Assert.Contains("temporarily unavailable", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await _sink.WaitForMessagesAsync(1, Patience));
    }

    [Fact]
    public async Task Sending_without_a_configured_relay_fails_naming_the_settings()
    {
        var sender = new SmtpEmailSender(Options.Create(new EmailOptions()), new Logger<SmtpEmailSender>(new LoggerFactory([_logs])));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Notification()));

        Assert.Contains("Email:Host", error.Message, StringComparison.Ordinal);
    }

    private static EmailMessage Notification() => new(["ana@example.test"], "You have an approval", "Open it.", "<p>Open it.</p>");

    /// <summary>A sender pointed at the sink; the options given supply only the credentials.</summary>
    private SmtpEmailSender Sender(EmailOptions credentials) => new(
        Options.Create(new EmailOptions
        {
            Host = _sink.Host,
            Port = _sink.Port,
            From = "Greenlight <greenlight@example.test>",
            UserName = credentials.UserName,
            Password = credentials.Password,
            AllowLoginWithoutTls = credentials.AllowLoginWithoutTls,
        }),
        new Logger<SmtpEmailSender>(new LoggerFactory([_logs])));
}
