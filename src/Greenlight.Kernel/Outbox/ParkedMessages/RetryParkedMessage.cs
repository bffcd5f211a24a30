using FluentValidation;
using Greenlight.Kernel.Errors;
using MediatR;
using Greenlight.Kernel.Security;

namespace Greenlight.Kernel.Outbox.ParkedMessages;

public sealed record RetryParkedMessage(string Id) : IRequest, IAdministrativeRequest;

public sealed class RetryParkedMessageValidator : AbstractValidator<RetryParkedMessage>
{
    public RetryParkedMessageValidator() => RuleFor(r => r.Id).NotEmpty().MaximumLength(64);
}

public sealed class RetryParkedMessageHandler(SqlOutbox outbox) : IRequestHandler<RetryParkedMessage, Unit>
{
    public async Task<Unit> Handle(RetryParkedMessage request, CancellationToken cancellationToken) =>
        await outbox.RetryParkedAsync(request.Id, cancellationToken)
            ? Unit.Value
            : throw new NotFoundException($"Parked message '{request.Id}'");
}
