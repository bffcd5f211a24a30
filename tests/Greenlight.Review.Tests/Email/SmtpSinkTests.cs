using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Greenlight.Testing.Smtp;

namespace Greenlight.Review.Tests.Email;

/// <summary>The sink itself, for what the sender never makes it do: read base64 bodies.</summary>
public sealed class SmtpSinkTests
{
    [Fact]
    public async Task Decodes_a_base64_body_in_its_charset()
    {
        await using var sink = SmtpSink.Start();
        using var client = new SmtpClient(sink.Host, sink.Port);
        using var mail = new MailMessage("a@example.test", "b@example.test") { Subject = "base64" };
        var view = AlternateView.CreateAlternateViewFromString("Grüße aus Köln ✓", Encoding.UTF8, MediaTypeNames.Text.Plain);
        view.TransferEncoding = TransferEncoding.Base64;
        mail.AlternateViews.Add(view);

        await client.SendMailAsync(mail);

        var received = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Content-Transfer-Encoding: base64", received.RawMime, StringComparison.Ordinal);
        Assert.Equal("Grüße aus Köln ✓", received.TextBody);
    }
}
