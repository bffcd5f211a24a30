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

/// <summary>A parked message of the outbox, else a module's stuck work (<see cref="IStuckWorkSource"/>) with that id.</summary>
public sealed class RetryParkedMessageHandler(SqlOutbox outbox, IEnumerable<IStuckWorkSource> sources) : IRequestHandler<RetryParkedMessage, Unit>
{
    public async Task<Unit> Handle(RetryParkedMessage request, CancellationToken cancellationToken)
    {
        if (await outbox.RetryParkedAsync(request.Id, cancellationToken)) return Unit.Value;
        foreach (var source in sources)
        {
            if (await source.RetryAsync(request.Id, cancellationToken)) return Unit.Value;
        }
        throw new NotFoundException($"Parked message '{request.Id}'");
    }
}
