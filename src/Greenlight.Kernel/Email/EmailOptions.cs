namespace Greenlight.Kernel.Email;

/// <summary>The SMTP relay notifications go through (configuration section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>The sender of every notification, e.g. <c>Greenlight &lt;greenlight@example.com&gt;</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Empty: the relay takes mail without authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS before sending (and before the password crosses the wire).</summary>
    public bool EnableSsl { get; set; }

    /// <summary>Send <see cref="UserName"/> and <see cref="Password"/> to a relay without TLS: only for a relay on a trusted network.</summary>
    public bool AllowLoginWithoutTls { get; set; }
}
