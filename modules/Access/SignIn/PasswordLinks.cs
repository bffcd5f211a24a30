using Greenlight.Kernel.Email;
using Greenlight.Modules.Access.Contracts;
using Greenlight.Modules.Access.Grains;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Greenlight.Modules.Access.SignIn;

/// <summary>An e-mail with a link to set a password is due (queued in the outbox: the link's secret is made only when it is sent).</summary>
[GenerateSerializer, Immutable, Alias("access.password-link-due")]
public sealed record PasswordLinkDue([property: Id(0)] string UserId, [property: Id(1)] PasswordLinkPurpose Purpose) : INotification;

/// <summary>
/// Makes a link's secret, stores its hash and e-mails the link. Run again (the outbox retries a failed send), it makes a
/// new link and the earlier one stops working, so only the link in the e-mail that arrived works.
/// </summary>
public sealed class PasswordLinkMailer(Accounts accounts, AccessSnapshots snapshots, IEmailSender email, IConfiguration configuration)
    : INotificationHandler<PasswordLinkDue>
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public async Task Handle(PasswordLinkDue notification, CancellationToken cancellationToken)
    {
        if (await snapshots.UserAsync(notification.UserId) is not { Active: true, Email.Length: > 0 } user) return;
        var invitation = notification.Purpose == PasswordLinkPurpose.Invitation;
        var secret = await accounts.IssueLinkAsync(user.Id, notification.Purpose, invitation ? InvitationLifetime : ResetLifetime, cancellationToken);
        var link = new Uri(ConsoleUrl(configuration), "set-password?token=" + secret);
        var (subject, body) = invitation
            ? ("You are invited to Greenlight",
               $"Hello {user.Name},\n\nan administrator made you a Greenlight account. Set your password here (the link works once, for {InvitationLifetime.TotalDays:0} days):\n\n{link}\n\nThen sign in with {user.Email}.")
            : ("Reset your Greenlight password",
               $"Hello {user.Name},\n\nset a new password here (the link works once, for {ResetLifetime.TotalMinutes:0} minutes):\n\n{link}\n\nIf you did not ask for it, ignore this e-mail.");
        await email.SendAsync(EmailMessage.FromText([$"{user.Name} <{user.Email}>"], subject, body), cancellationToken);
    }

    /// <summary>Where people reach the console (<c>Console:PublicUrl</c>), e-mailed links point below it.</summary>
    public static Uri ConsoleUrl(IConfiguration configuration)
    {
        var configured = configuration["Console:PublicUrl"] is { Length: > 0 } url ? url : "http://127.0.0.1:5080/";
        return new Uri(configured.EndsWith('/') ? configured : configured + "/");
    }
}

/// <summary>
/// A user an administrator creates is invited by e-mail, when the host has an e-mail relay and <c>Console:InviteNewUsers</c>
/// is not false (an organization whose people only use integrations turns it off).
/// </summary>
public sealed class InviteCreatedUser(PasswordLinkMailer mailer, IOptions<EmailOptions> emailOptions, IConfiguration configuration, ILogger<InviteCreatedUser> logger)
    : INotificationHandler<UserCreated>
{
    public Task Handle(UserCreated notification, CancellationToken cancellationToken)
    {
        if (notification.User.Email.Length == 0 || !configuration.GetValue("Console:InviteNewUsers", true)) return Task.CompletedTask;
        if (string.IsNullOrWhiteSpace(emailOptions.Value.Host))
        {
            logger.LogWarning("No e-mail relay (Email:Host) is set: user {UserId} gets no invitation; they can ask for a password reset once one is", notification.User.Id);
            return Task.CompletedTask;
        }
        return mailer.Handle(new PasswordLinkDue(notification.User.Id, PasswordLinkPurpose.Invitation), cancellationToken);
    }
}

/// <summary>A deactivated user's sessions end for good (they already stopped working: every check joins the user).</summary>
public sealed class EndDeactivatedUsersSessions(Accounts accounts) : INotificationHandler<UserDeactivated>
{
    public Task Handle(UserDeactivated notification, CancellationToken cancellationToken) => accounts.EndSessionsAsync(notification.UserId, cancellationToken);
}
