using FluentValidation;
using Greenlight.Kernel.Errors;
using Greenlight.Kernel.Organization;
using Greenlight.Kernel.Outbox;
using Greenlight.Kernel.Security;
using Greenlight.Kernel.Security.Tokens;
using Greenlight.Kernel.Storage;
using Greenlight.Modules.Access.Grains;
using Greenlight.Modules.Access.Users;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Greenlight.Modules.Access.SignIn;

// The console's sign-in requests. Anyone may send them (IAnonymousRequest): each carries what proves who sends it
// (a password, a link's secret, the bootstrap token) and its handler checks that.

public sealed record SignInWithPassword(string Email, string Password) : IRequest<SessionTicket>, IAnonymousRequest;

public sealed record SetPasswordFromLink(string Token, string Password) : IRequest, IAnonymousRequest;

/// <summary>
/// E-mails a reset link when an active user has the address, within the hourly limits of <see cref="PasswordResetLimits"/>;
/// answers the same either way, so it tells nobody who has an account or who was limited.
/// </summary>
/// <param name="Client">The address the request came from, as the page's connection gives it: counted against its own limit.</param>
public sealed record RequestPasswordReset(string Email, string Client) : IRequest, IAnonymousRequest;

/// <summary>The organization's first System Administrator gives themself an e-mail and a password with the bootstrap API token, once.</summary>
public sealed record SetFirstAdministratorPassword(string BootstrapToken, string Email, string Password) : IRequest, IAnonymousRequest;

internal static class PasswordRules
{
    public const int MinimumLength = 12;

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinimumLength).MaximumLength(256);
}

public sealed class SignInWithPasswordValidator : AbstractValidator<SignInWithPassword>
{
    public SignInWithPasswordValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(320);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed class SetPasswordFromLinkValidator : AbstractValidator<SetPasswordFromLink>
{
    public SetPasswordFromLinkValidator()
    {
        RuleFor(r => r.Token).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Password).NewPassword();
    }
}

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(320);
        RuleFor(r => r.Client).NotEmpty().MaximumLength(100);
    }
}

public sealed class SetFirstAdministratorPasswordValidator : AbstractValidator<SetFirstAdministratorPassword>
{
    public SetFirstAdministratorPasswordValidator()
    {
        RuleFor(r => r.BootstrapToken).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(320);
        RuleFor(r => r.Password).NewPassword();
    }
}

public sealed class SignInHandlers(
    Accounts accounts, IStore store, IOutbox outbox, ApiTokens tokens, IOrganization organization, IGrainFactory grains, PasswordResetLimits resetLimits, ILogger<SignInHandlers> logger) :
    IRequestHandler<SignInWithPassword, SessionTicket>, IRequestHandler<SetPasswordFromLink, Unit>, IRequestHandler<RequestPasswordReset, Unit>,
    IRequestHandler<SetFirstAdministratorPassword, Unit>
{
    public async Task<SessionTicket> Handle(SignInWithPassword request, CancellationToken cancellationToken)
    {
        var check = await accounts.CheckPasswordAsync(await accounts.ActiveUserByEmailAsync(request.Email, cancellationToken), request.Password, cancellationToken);
        if (check.LockedUntil is { } until)
            throw RequestValidationException.ForField("password",
                $"Too many wrong passwords: this account is locked until {until:HH:mm} UTC. Wait, or reset the password by e-mail.");
        if (check.UserId is null) throw RequestValidationException.ForField("password", "The e-mail address or the password is wrong.");
        return await accounts.StartSessionAsync(check.UserId, cancellationToken);
    }

    public async Task<Unit> Handle(SetPasswordFromLink request, CancellationToken cancellationToken)
    {
        if (!await accounts.SetPasswordFromLinkAsync(request.Token, request.Password, cancellationToken))
            throw RequestValidationException.ForField("token", "This link was used already or has expired. Ask for a new one with \"Forgot your password?\".");
        return Unit.Value;
    }

    public async Task<Unit> Handle(RequestPasswordReset request, CancellationToken cancellationToken)
    {
        if (!resetLimits.TryTake(request.Email, request.Client))
        {
            logger.LogWarning("A password reset requested from {Client} is over the hourly limit of its client or address: no e-mail", request.Client);
            return Unit.Value;
        }
        if (await accounts.ActiveUserByEmailAsync(request.Email, cancellationToken) is { } userId)
            await outbox.EnqueueAsync(store, new PasswordLinkDue(userId, PasswordLinkPurpose.Reset), cancellationToken: cancellationToken);
        return Unit.Value;
    }

    public async Task<Unit> Handle(SetFirstAdministratorPassword request, CancellationToken cancellationToken)
    {
        var administratorId = (await organization.GetAsync(cancellationToken))?.AdministratorUserId;
        if (administratorId is null || await tokens.AuthenticateAsync(request.BootstrapToken, cancellationToken) != administratorId)
            throw RequestValidationException.ForField("bootstrapToken", "This is not the bootstrap token the host printed (or took from GREENLIGHT_BOOTSTRAP_TOKEN).");
        if (await accounts.HasPasswordAsync(administratorId, cancellationToken))
            throw RequestValidationException.ForField("bootstrapToken", "The first administrator's password is set already: sign in, or reset it by e-mail.");
        if (await accounts.ActiveUserByEmailAsync(request.Email, cancellationToken) is { } holder && holder != administratorId)
            throw RequestValidationException.ForField("email", "Another user has this e-mail address.");
        await grains.User(administratorId).ChangeAsync(new UserChanges(Email: request.Email.Trim()), administratorId);
        await store.InTransactionAsync(tx => accounts.SetPasswordAsync(tx, administratorId, request.Password), cancellationToken);
        return Unit.Value;
    }
}
